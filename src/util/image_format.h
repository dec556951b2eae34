#pragma once
// The formats an image file may have, told by its first bytes (never by the
// file name). Neutral: the model, the frames and the exporters all name it.

namespace ks {

enum class ImageFormat { Unknown, Png, Jpeg, Svg };

}  // namespace ks
