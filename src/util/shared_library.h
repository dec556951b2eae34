#pragma once
// Libraries loaded on first use (dlopen) instead of at start-up: a run that
// never needs librsvg, libzip, libqpdf or cpp-httplib never maps them, so
// `--version`, `check` and a no-edit rebuild start fast (docs/ARCHITECTURE.md,
// "Start-up"). C libraries are opened by their soname and their few
// functions resolved by name; C++ code is built into modules of our own
// (lib/kamishibai/NAME.so) that export one table (kamishibai_module in
// src/CMakeLists.txt).
#include <memory>
#include <string>

namespace ks {

class SharedLibrary {
public:
    // Opens `file` (a path, or a soname found the way the dynamic linker
    // finds it). Throws std::runtime_error naming the file, why it failed
    // and `remedy` (what the user can do about it). The library stays mapped
    // after the handle is closed (RTLD_NODELETE): objects it made may
    // outlive the handle until the process ends.
    SharedLibrary(std::string file, std::string remedy);

    // The address of `name`; throws like the constructor when it is missing.
    void* symbol(const char* name) const;
    template <typename Function>
    Function function(const char* name) const {
        return reinterpret_cast<Function>(symbol(name));
    }
    const std::string& file() const { return file_; }

private:
    struct Close {
        void operator()(void* handle) const noexcept;
    };
    std::unique_ptr<void, Close> handle_;
    std::string file_, remedy_;
};

// `lib`'s function `fn`, typed as the library's header declares it (the
// header is compiled against; the library is never linked).
#define KS_LIBRARY_FUNCTION(lib, fn) (lib).function<decltype(&fn)>(#fn)

// The table a kamishibai module exports as `symbol` (an extern "C" object
// whose first member is the `const char* version` it was built as), from
// lib/kamishibai/NAME.so (util/data_dir.h: module_dir()). The module stays
// loaded for the life of the process. Throws std::runtime_error naming the
// file and saying to reinstall when it is missing, cannot be loaded or is
// of another version.
const void* load_module_table(const std::string& name, const char* symbol);

// How a module declares its table: KS_MODULE_TABLE const Table ks_NAME_module{KAMISHIBAI_VERSION, ...};
#define KS_MODULE_TABLE extern "C" __attribute__((visibility("default")))

}  // namespace ks
