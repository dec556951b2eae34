#pragma once
// A layout set naming a font family that is not installed would silently
// fall back to another font; it is an error at the <fonts> element instead.
#include "diag/diagnostics.h"
#include "text/font_context.h"
#include "theme/layout_set.h"

namespace ks {

void check_font_families(const LayoutSet& set, const FontContext& fonts, Diagnostics& diags);

}  // namespace ks
