#include "util/data_dir.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace ks {
namespace {

bool holds_data(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "layouts" / "briefing.xml", ec);
}

// Whether `p` lies inside `dir` (both made absolute and normal).
bool inside(const fs::path& p, const fs::path& dir) {
    if (dir.empty()) return false;
    const auto rel = fs::absolute(p).lexically_normal().lexically_relative(fs::absolute(dir).lexically_normal());
    return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

std::string find_data_dir(const DataDirInputs& in) {
    if (!in.env.empty()) return in.env;
    fs::path installed;
    if (!in.exe.empty()) {
        installed = (fs::path(in.exe).parent_path() / ".." / "share" / "kamishibai").lexically_normal();
        if (holds_data(installed)) return installed.string();
    }
    if (!in.exe.empty() && inside(in.exe, in.build_tree) && holds_data(in.source_tree)) return in.source_tree;
    return installed.empty() ? in.source_tree : installed.string();
}

std::string find_module_dir(const DataDirInputs& in, const std::string& from_bin) {
    std::error_code ec;
    fs::path installed;
    if (!in.exe.empty()) {
        installed = (fs::path(in.exe).parent_path() / from_bin).lexically_normal();
        if (fs::is_directory(installed, ec)) return installed.string();
    }
    if (!in.exe.empty() && inside(in.exe, in.build_tree)) return (fs::path(in.build_tree) / "lib" / "kamishibai").string();
    return installed.string();
}

namespace {

DataDirInputs this_process() {
    DataDirInputs in;
    if (const char* env = std::getenv("KAMISHIBAI_DATA_DIR"); env && *env) in.env = env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) in.exe = exe.string();
#ifdef KAMISHIBAI_BUILD_TREE
    in.build_tree = KAMISHIBAI_BUILD_TREE;
#endif
#ifdef KAMISHIBAI_SOURCE_TREE
    in.source_tree = KAMISHIBAI_SOURCE_TREE;
#endif
    return in;
}

}  // namespace

std::string data_dir() { return find_data_dir(this_process()); }

std::string module_dir() {
#ifdef KAMISHIBAI_MODULE_DIR
    return find_module_dir(this_process(), KAMISHIBAI_MODULE_DIR);
#else
    return find_module_dir(this_process(), "../lib/kamishibai");
#endif
}

}  // namespace ks
