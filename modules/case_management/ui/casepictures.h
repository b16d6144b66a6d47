#pragma once
#include "module/extensions.h"

namespace hexhub::cases {

//! The centre's pictures for `hexhub --screenshots`: the custody suite's wall with people at several stages.
ModulePictures casePictures();

} // namespace hexhub::cases
