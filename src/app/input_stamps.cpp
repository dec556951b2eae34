#include "app/input_stamps.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/output_folder.h"
#include "util/hash.h"

namespace fs = std::filesystem;

namespace ks {
namespace {

constexpr const char* kHeader = "kamishibai-inputs 1";

fs::path record_path(const BuildOptions& options) { return fs::path(options.out_dir) / ".kamishibai" / "inputs"; }

// What changes whenever a file or folder is written, replaced or (for a
// folder) gains or loses an entry.
std::string stamp(const std::string& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return "missing";
    return std::to_string(st.st_mode) + ":" + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" +
           std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec);
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "(unset)";
}

// Every option that shapes the outputs, the environment the data and dates
// come from, the working folder (relative paths) and the program's own stamp.
std::string invocation(const BuildOptions& o) {
    std::ostringstream s;
    std::error_code ec;
    s << "program " << stamp("/proc/self/exe") << "\ncwd " << fs::current_path(ec).string() << "\nenv "
      << env("KAMISHIBAI_DATA_DIR") << "\t" << env("SOURCE_DATE_EPOCH") << "\t" << env("FONTCONFIG_FILE") << "\t"
      << env("FONTCONFIG_PATH") << "\noptions " << o.outline << "\t" << o.out_dir << "\t" << o.layouts << "\t"
      << o.fonts_dir << "\t" << o.png_scale << "\t" << o.max_image_pixels << "\t" << o.strict << "\t" << o.pptx << "\t" << o.root
      << "\nhandout " << o.handout.style << "\t" << o.handout.order << "\t" << o.handout.paper << "\t"
      << o.handout.orientation << "\t" << o.handout.grayscale << "\t" << o.handout.font_family << "\t"
      << o.handout.mono_family << "\nstyles";
    for (auto style : o.handout_styles) s << " " << handout_style_name(style);
    s << "\n";
    return s.str();
}

// The invocation and the stamp of every input and input folder, hashed.
std::string fingerprint(const BuildOptions& options, const std::vector<std::string>& inputs,
                        const std::vector<std::string>& dirs) {
    std::string text = invocation(options);
    for (const auto& p : inputs) text += "in\t" + p + "\t" + stamp(p) + "\n";
    for (const auto& p : dirs) text += "dir\t" + p + "\t" + stamp(p) + "\n";
    return hex64(fnv1a64(text));
}

// Builds that write elsewhere too (or are asked to redo everything) always
// run; the change report is the exception: "nothing changed" is its content.
bool eligible(const BuildOptions& o) {
    return o.write_outputs && !o.no_cache && !o.recover && o.dump_layout.empty() && o.depfile.empty() &&
           o.reuse_unchanged;
}

}  // namespace

bool nothing_changed(const BuildOptions& options, std::vector<std::string>* recorded_inputs) {
    if (!eligible(options)) return false;
    std::ifstream in(record_path(options));
    std::string line, recorded, manifest;
    if (!std::getline(in, line) || line != kHeader) return false;
    std::vector<std::string> inputs, dirs;
    while (std::getline(in, line)) {
        auto tab = line.find('\t');
        if (tab == std::string::npos) return false;
        std::string kind = line.substr(0, tab), value = line.substr(tab + 1);
        if (kind == "in") inputs.push_back(value);
        else if (kind == "dir") dirs.push_back(value);
        else if (kind == "manifest") manifest = value;
        else if (kind == "fingerprint") recorded = value;
        else return false;
    }
    if (recorded.empty() || inputs.empty() || fingerprint(options, inputs, dirs) != recorded) return false;
    // The outputs: under the build lock, every one as the recorded commit left it.
    OutputFolder folder(options.out_dir);
    if (stamp((record_path(options).parent_path() / "manifest").string()) != manifest || !folder.intact()) return false;
    if (recorded_inputs) *recorded_inputs = std::move(inputs);
    return true;
}

void record_inputs(const BuildOptions& options, const BuildResult& described,
                   std::chrono::system_clock::time_point started) {
    if (!eligible(options)) return;
    // A file written during the build (or just before it: file times lag the
    // clock by a tick) may have been read before or after the write: no record.
    const auto settled = started - std::chrono::milliseconds(50);
    for (const auto* list : {&described.inputs, &described.input_dirs})
        for (const auto& p : *list) {
            struct stat st{};
            if (::stat(p.c_str(), &st) != 0) continue;
            auto mtime = std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
                std::chrono::seconds(st.st_mtim.tv_sec) + std::chrono::nanoseconds(st.st_mtim.tv_nsec)));
            if (mtime >= settled) return;
        }
    std::string text = std::string(kHeader) + "\n";
    for (const auto& p : described.inputs) text += "in\t" + p + "\n";
    for (const auto& p : described.input_dirs) text += "dir\t" + p + "\n";
    text += "manifest\t" + stamp((record_path(options).parent_path() / "manifest").string()) + "\n";
    text += "fingerprint\t" + fingerprint(options, described.inputs, described.input_dirs) + "\n";
    write_file_atomically(record_path(options), text);
}

}  // namespace ks
