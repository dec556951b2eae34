#pragma once
// Fitting's decisions in the layout cache's binary form (app/byte_codec.h):
// the blocks of every piece, every field of the model (model/deck.h).
#include "app/byte_codec.h"
#include "layout/paginate.h"

namespace ks {

void io(ByteWriter& a, FitDecision& d);
void io(ByteReader& a, FitDecision& d);
void io(ByteWriter& a, SourcePosition& p);
void io(ByteReader& a, SourcePosition& p);

}  // namespace ks
