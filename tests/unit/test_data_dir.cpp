// Where the data is found: the environment, the install prefix next to the
// binary, and the checkout only for a binary in its build tree.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "util/data_dir.h"

namespace fs = std::filesystem;
using namespace ks;

namespace {

class DataDir : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("ks_data_dir_" + std::to_string(::getpid()));
        fs::remove_all(root_);
        make_data(root_ / "checkout");
        fs::create_directories(root_ / "checkout" / "build");
        fs::create_directories(root_ / "prefix" / "bin");
    }
    void TearDown() override { fs::remove_all(root_); }
    static void make_data(const fs::path& dir) {
        fs::create_directories(dir / "layouts");
        std::ofstream(dir / "layouts" / "briefing.xml") << "<layout-set/>";
    }
    DataDirInputs inputs(const fs::path& exe) const {
        return {"", exe.string(), (root_ / "checkout" / "build").string(), (root_ / "checkout").string()};
    }
    fs::path root_;
};

}  // namespace

TEST_F(DataDir, InstalledDataNextToTheBinary) {
    make_data(root_ / "prefix" / "share" / "kamishibai");
    EXPECT_EQ(find_data_dir(inputs(root_ / "prefix" / "bin" / "kamishibai")),
              (root_ / "prefix" / "share" / "kamishibai").string());
}

TEST_F(DataDir, EnvironmentOverrides) {
    make_data(root_ / "prefix" / "share" / "kamishibai");
    auto in = inputs(root_ / "prefix" / "bin" / "kamishibai");
    in.env = "/somewhere/else";
    EXPECT_EQ(find_data_dir(in), "/somewhere/else");
}

TEST_F(DataDir, BuildTreeBinaryFallsBackToTheCheckout) {
    EXPECT_EQ(find_data_dir(inputs(root_ / "checkout" / "build" / "kamishibai")), (root_ / "checkout").string());
}

TEST_F(DataDir, InstalledBinaryNeverReadsTheCheckout) {
    // No data under the prefix: the answer is the prefix (so the error names
    // it), not the checkout the binary was built from.
    EXPECT_EQ(find_data_dir(inputs(root_ / "prefix" / "bin" / "kamishibai")),
              (root_ / "prefix" / "share" / "kamishibai").string());
}

TEST(DataDirProcess, TheTestBinaryFindsTheCheckout) {
    // This test binary lives in the build tree and no data is installed next
    // to it: the checkout is the fallback, unless the environment says otherwise.
    if (std::getenv("KAMISHIBAI_DATA_DIR")) GTEST_SKIP() << "KAMISHIBAI_DATA_DIR is set";
    EXPECT_EQ(fs::path(data_dir()), fs::path(KS_SOURCE_DIR));
}

// Modules (util/shared_library.h): lib/kamishibai next to an installed
// binary, the build tree's for a binary inside it, never the build tree for
// an installed one.
TEST_F(DataDir, ModulesNextToTheInstalledBinary) {
    fs::create_directories(root_ / "prefix" / "lib" / "kamishibai");
    EXPECT_EQ(find_module_dir(inputs(root_ / "prefix" / "bin" / "kamishibai"), "../lib/kamishibai"),
              (root_ / "prefix" / "lib" / "kamishibai").string());
}

TEST_F(DataDir, BuildTreeBinaryFindsTheBuildTreesModules) {
    EXPECT_EQ(find_module_dir(inputs(root_ / "checkout" / "build" / "kamishibai"), "../lib/kamishibai"),
              (root_ / "checkout" / "build" / "lib" / "kamishibai").string());
}

TEST_F(DataDir, InstalledBinaryNeverLoadsTheBuildTreesModules) {
    // Nothing installed: the answer is the prefix's folder (so the error
    // names it), not the build tree's.
    EXPECT_EQ(find_module_dir(inputs(root_ / "prefix" / "bin" / "kamishibai"), "../lib/kamishibai"),
              (root_ / "prefix" / "lib" / "kamishibai").string());
}
