#pragma once
// Where kamishibai's data (layouts/, fonts/fonts.conf) lives at run time.
#include <string>

namespace ks {

struct DataDirInputs {
    std::string env;         // $KAMISHIBAI_DATA_DIR ("" when unset or empty)
    std::string exe;         // the running binary (/proc/self/exe)
    std::string build_tree;  // the CMake build directory the binary was built in
    std::string source_tree; // the checkout it was built from
};

// In order: $KAMISHIBAI_DATA_DIR; the installed data next to the binary
// (<exe dir>/../share/kamishibai) when it holds layouts/; the source tree,
// but only for a binary inside its build tree (so an installed binary never
// reads the checkout). When nothing is found, the installed location, so
// errors name the place where the data belongs.
std::string find_data_dir(const DataDirInputs& in);

// find_data_dir for this process.
std::string data_dir();

// Where kamishibai's own modules (NAME.so, util/shared_library.h) are: in
// order, <exe dir>/`from_bin` (the install's lib/kamishibai) when it is a
// folder; <build tree>/lib/kamishibai for a binary inside its build tree.
// When neither is found, the installed location, so errors name it.
std::string find_module_dir(const DataDirInputs& in, const std::string& from_bin);

// find_module_dir for this process.
std::string module_dir();

}  // namespace ks
