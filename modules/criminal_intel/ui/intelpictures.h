#pragma once
// What the centre's desk shows in `hexhub --screenshots` (ModuleContext::setPictures()): a few tips
// graded, assigned and moved, put in through LeadService as the pictures' analyst.
#include "module/extensions.h"

namespace hexhub::criminalintel {

ModulePictures intelPictures();

} // namespace hexhub::criminalintel
