// Libraries loaded on first use (util/shared_library.h): what loads, and the
// errors when a library, a function or a module is missing (they name the
// file and say what to do, and never crash).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "util/shared_library.h"

using namespace ks;

namespace {

std::string error_of(void (*f)()) {
    try {
        f();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(SharedLibrary, ResolvesAFunctionByName) {
    const SharedLibrary libm("libm.so.6", "install libm");
    auto cos = libm.function<double (*)(double)>("cos");
    EXPECT_DOUBLE_EQ(cos(0.0), 1.0);
}

TEST(SharedLibrary, AMissingLibraryNamesItselfAndTheRemedy) {
    const std::string e = error_of([] { SharedLibrary("libks-no-such-library.so.9", "install the ks package"); });
    EXPECT_NE(e.find("cannot load libks-no-such-library.so.9"), std::string::npos) << e;
    EXPECT_NE(e.find("install the ks package"), std::string::npos) << e;
}

TEST(SharedLibrary, AMissingFunctionNamesItAndTheLibrary) {
    const std::string e = error_of([] { SharedLibrary("libm.so.6", "reinstall").symbol("ks_no_such_function"); });
    EXPECT_NE(e.find("ks_no_such_function"), std::string::npos) << e;
    EXPECT_NE(e.find("libm.so.6"), std::string::npos) << e;
}

TEST(SharedLibrary, AMissingModuleSaysToReinstall) {
    const std::string e = error_of([] { load_module_table("no_such_module", "ks_no_such_module"); });
    EXPECT_NE(e.find("no_such_module.so"), std::string::npos) << e;
    EXPECT_NE(e.find("reinstall kamishibai"), std::string::npos) << e;
}

TEST(SharedLibrary, TheBuildTreesModulesLoad) {
    // The test binary lives in the build tree, whose lib/kamishibai holds
    // the modules (a dependency of kamishibai_core).
    const auto* table = static_cast<const char* const*>(load_module_table("pdf_tagging", "ks_pdf_tagging_module"));
    ASSERT_NE(table, nullptr);
    EXPECT_STREQ(table[0], KAMISHIBAI_VERSION);
}
