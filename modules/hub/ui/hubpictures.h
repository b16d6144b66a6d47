#pragma once
// The hub's pictures for `hexhub --screenshots` (ModuleContext::setPictures()).

#include "module/extensions.h"

namespace hexhub::hub {

//! The video wall of nine demo cameras, one of them offline, on a 1920 x 1080 wall screen.
ModulePictures hubPictures();

} // namespace hexhub::hub
