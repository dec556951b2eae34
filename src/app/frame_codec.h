#pragma once
// Laid-out slides in the layout cache's binary form (app/byte_codec.h): the
// frame with every item (a font face, a structure tag or a sub-frame shared
// between items is written once and shared again when read), the layout
// record with the slide's structure, and the slide's messages.
#include "app/byte_codec.h"
#include "layout/slide_layout.h"

namespace ks {

void io(ByteWriter& a, SlideLayout& s);
void io(ByteReader& a, SlideLayout& s);

}  // namespace ks
