#pragma once
// A private fontconfig + Pango font map built from the project's fonts/
// directory, so layout never depends on what else the machine has installed.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "util/c_handle.h"

typedef struct _FcConfig FcConfig;
typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoFont PangoFont;
extern "C" void FcConfigDestroy(FcConfig*);
extern "C" void g_object_unref(void*);

namespace ks {

class FontContext {
public:
    // `fonts_dir` holds fonts.conf (and optionally user fonts).
    explicit FontContext(const std::string& fonts_dir);
    ~FontContext();
    FontContext(const FontContext&) = delete;
    FontContext& operator=(const FontContext&) = delete;

    PangoFontMap* font_map() const { return font_map_.get(); }
    FcConfig* config() const { return config_.get(); }

    // The face on disk behind a Pango font, shared by all runs that use it.
    std::shared_ptr<const FontFace> face_for(PangoFont* font) const;

    // True when a family of that name is available.
    bool has_family(const std::string& family) const;

    // Every family name available, sorted (for "did you mean" lists).
    std::vector<std::string> families() const;

private:
    UniqueCPtr<FcConfig, FcConfigDestroy> config_;
    std::unique_ptr<PangoFontMap, void (*)(void*)> font_map_;
    mutable std::mutex mutex_;
    mutable std::map<PangoFont*, std::shared_ptr<const FontFace>> faces_by_font_;
    mutable std::map<std::string, std::shared_ptr<const FontFace>> faces_by_file_;
};

}  // namespace ks
