#pragma once
// An RGBA colour, components 0..1 (frames, the slide structure).
namespace ks {

struct Color {
    double r = 0, g = 0, b = 0, a = 1;
    bool operator==(const Color&) const = default;
};

}  // namespace ks
