#pragma once

#include "module/extensions.h"

namespace hexhub::bigdata {

//! The centre's pictures for `hexhub --screenshots`: the trade data imported, the ring model run and
//! its ring opened on the review queue, put in through the centre's services as its operator.
ModulePictures bigDataPictures();

} // namespace hexhub::bigdata
