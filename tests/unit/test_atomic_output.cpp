#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "output/atomic_output.h"

namespace fs = std::filesystem;
using namespace ks;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("ks-atomic-" + std::to_string(::getpid()) + "-" +
                                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    TempDir() { fs::remove_all(path), fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST(AtomicOutput, NothingChangesUntilCommit) {
    TempDir dir;
    write_text_file(dir.path / "a.pdf", "old");
    fs::create_directories(dir.path / "slides");
    write_text_file(dir.path / "slides" / "01.png", "old1");
    write_text_file(dir.path / "slides" / "09.png", "stale");
    {
        AtomicOutput out;
        write_text_file(out.file(dir.path / "a.pdf"), "new");
        auto slides = out.directory(dir.path / "slides");
        write_text_file(slides / "01.png", "new1");
        EXPECT_EQ(slurp(dir.path / "a.pdf"), "old");
        EXPECT_EQ(slurp(dir.path / "slides" / "01.png"), "old1");
        out.commit();
    }
    EXPECT_EQ(slurp(dir.path / "a.pdf"), "new");
    EXPECT_EQ(slurp(dir.path / "slides" / "01.png"), "new1");
    EXPECT_FALSE(fs::exists(dir.path / "slides" / "09.png")) << "a directory is replaced as a whole";
    std::size_t entries = std::distance(fs::directory_iterator(dir.path), fs::directory_iterator());
    EXPECT_EQ(entries, 2u) << "no temporary files left";
}

TEST(AtomicOutput, AbandonedOutputLeavesThePreviousFilesAndNoTemporaries) {
    TempDir dir;
    write_text_file(dir.path / "a.pdf", "old");
    {
        AtomicOutput out;
        write_text_file(out.file(dir.path / "a.pdf"), "half-writ");
        out.directory(dir.path / "slides");
        // no commit: as when a later stage throws
    }
    EXPECT_EQ(slurp(dir.path / "a.pdf"), "old");
    std::size_t entries = std::distance(fs::directory_iterator(dir.path), fs::directory_iterator());
    EXPECT_EQ(entries, 1u);
}

TEST(AtomicOutput, CleansUpAfterAKilledBuild) {
    TempDir dir;
    // pid 2^22+1 exceeds Linux's pid_max: no such process.
    fs::create_directories(dir.path / "slides.kamishibai-tmp-4194305");
    write_text_file(dir.path / "handout.pdf.kamishibai-tmp-4194305", "partial");
    write_text_file(dir.path / "unrelated.txt", "keep");
    {
        AtomicOutput out;
        write_text_file(out.file(dir.path / "handout.pdf"), "new");
        out.directory(dir.path / "slides");
        out.commit();
    }
    EXPECT_FALSE(fs::exists(dir.path / "slides.kamishibai-tmp-4194305"));
    EXPECT_FALSE(fs::exists(dir.path / "handout.pdf.kamishibai-tmp-4194305"));
    EXPECT_TRUE(fs::exists(dir.path / "unrelated.txt"));
}
