// The entry the desk resolves when the trainer console is first opened (see shell/demodesk.cpp).
#include "trainerconsole.h"

#include "module/platform.h"

extern "C" __attribute__((visibility("default"))) QWidget* hexhub_training_create_console(hexhub::Platform* platform, QWidget* parent)
{
    return new hexhub::training::TrainerConsole(*platform, parent);
}
