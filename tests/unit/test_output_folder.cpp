#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

#include "output/output_folder.h"
#include "util/hash.h"

namespace fs = std::filesystem;
using namespace ks;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

void put(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("ks-outfolder-" + std::to_string(::getpid()) + "-" +
                                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    TempDir() { fs::remove_all(path), fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

// One build: writes `files` (relative name -> content) and commits.
void build(const fs::path& dir, const std::map<std::string, std::string>& files) {
    OutputFolder out(dir);
    for (const auto& [rel, text] : files) put(out.file(rel), text);
    out.commit();
}

}  // namespace

TEST(OutputFolder, NothingChangesUntilCommitAndTemporariesAreUnpredictable) {
    TempDir dir;
    build(dir.path, {{"a.pdf", "old"}, {"slides/01.png", "old1"}});
    {
        OutputFolder out(dir.path);
        fs::path t1 = out.file("a.pdf"), t2 = out.file("slides/01.png");
        EXPECT_EQ(t1.parent_path(), dir.path / ".kamishibai" / "tmp");
        EXPECT_NE(t1.filename().string().find(".tmp-"), std::string::npos);
        EXPECT_EQ(t1.filename().string().size(), std::string("a.pdf.tmp-").size() + 16);  // 64 random bits
        put(t1, "new");
        put(t2, "new1");
        EXPECT_EQ(slurp(dir.path / "a.pdf"), "old");
    }  // abandoned: no commit
    EXPECT_EQ(slurp(dir.path / "a.pdf"), "old");
    EXPECT_EQ(slurp(dir.path / "slides" / "01.png"), "old1");
    EXPECT_TRUE(fs::is_empty(dir.path / ".kamishibai" / "tmp"));
}

TEST(OutputFolder, StaleOutputsGoUserFilesStay) {
    TempDir dir;
    put(dir.path / "slides" / "figure.png", "mine");
    put(dir.path / "notes.txt", "mine");
    build(dir.path, {{"slides/01.png", "1"}, {"slides/02.png", "2"}});
    build(dir.path, {{"slides/01.png", "one"}});
    EXPECT_EQ(slurp(dir.path / "slides" / "01.png"), "one");
    EXPECT_FALSE(fs::exists(dir.path / "slides" / "02.png"));
    EXPECT_EQ(slurp(dir.path / "slides" / "figure.png"), "mine");
    EXPECT_EQ(slurp(dir.path / "notes.txt"), "mine");
    auto manifest = OutputFolder(dir.path).manifest();
    EXPECT_EQ(manifest.size(), 1u);
    EXPECT_EQ(manifest.count("slides/01.png"), 1u);
}

TEST(OutputFolder, AnOutputTheUserChangedIsTheirsNow) {
    TempDir dir;
    build(dir.path, {{"a.pdf", "1"}, {"b.pdf", "2"}});
    put(dir.path / "a.pdf", "edited by hand");
    put(dir.path / "b.pdf", "edited too");
    EXPECT_THROW(build(dir.path, {{"a.pdf", "new"}}), OutputConflict);
    EXPECT_EQ(slurp(dir.path / "a.pdf"), "edited by hand");
    fs::remove(dir.path / "a.pdf");
    build(dir.path, {{"a.pdf", "new"}});  // b.pdf is stale but changed: kept
    EXPECT_EQ(slurp(dir.path / "b.pdf"), "edited too");
}

TEST(OutputFolder, AUserFileIdenticalToTheOutputIsAdopted) {
    TempDir dir;
    put(dir.path / "a.pdf", "same");
    build(dir.path, {{"a.pdf", "same"}});
    EXPECT_EQ(OutputFolder(dir.path).manifest().count("a.pdf"), 1u);
}

TEST(OutputFolder, SymlinksAndFoldersInTheWayAreConflicts) {
    TempDir dir;
    put(dir.path / "target", "precious");
    fs::create_symlink(dir.path / "target", dir.path / "a.pdf");
    OutputFolder out(dir.path);
    EXPECT_THROW(out.file("a.pdf"), OutputConflict);
    fs::create_directories(dir.path / "b.pdf");
    EXPECT_THROW(out.file("b.pdf"), OutputConflict);
    EXPECT_THROW(out.file(".kamishibai/manifest"), OutputConflict);
    EXPECT_THROW(out.file("../escape"), OutputConflict);
    EXPECT_EQ(slurp(dir.path / "target"), "precious");
}

TEST(OutputFolder, AJournalIsRolledForwardByTheNextRun) {
    TempDir dir;
    build(dir.path, {{"a.pdf", "old"}, {"slides/01.png", "o1"}, {"slides/02.png", "o2"}});
    // A commit that died after its first rename: the journal names the rest.
    fs::path state = dir.path / ".kamishibai";
    put(state / "tmp" / "x1", "n1");
    put(dir.path / "a.pdf", "new");  // already renamed
    std::ofstream(state / "journal") << "kamishibai-journal 2\n"
                                     << "rename\t.kamishibai/tmp/x0\ta.pdf\n"
                                     << "rename\t.kamishibai/tmp/x1\tslides/01.png\n"
                                     << "delete\tslides/02.png\n"
                                     << "own\t3\t" << hex64(xxh3_64("new", 3)) << "\ta.pdf\n"
                                     << "own\t2\t" << hex64(xxh3_64("n1", 2)) << "\tslides/01.png\nend\n";
    OutputFolder out(dir.path);
    EXPECT_EQ(slurp(dir.path / "a.pdf"), "new");
    EXPECT_EQ(slurp(dir.path / "slides" / "01.png"), "n1");
    EXPECT_FALSE(fs::exists(dir.path / "slides" / "02.png"));
    EXPECT_FALSE(fs::exists(state / "journal"));
    EXPECT_EQ(out.manifest().size(), 2u);
}

// A journal an older kamishibai left (FNV-1a hashes) completes too; the
// manifest it leaves holds XXH3 hashes, and a file changed since is not ours.
TEST(OutputFolder, AnOlderJournalCompletesWithHashesMadeAnew) {
    TempDir dir;
    build(dir.path, {{"a.pdf", "old"}, {"b.pdf", "old"}});
    fs::path state = dir.path / ".kamishibai";
    put(state / "tmp" / "x0", "new");
    put(dir.path / "b.pdf", "someone else's");
    std::ofstream(state / "journal") << "kamishibai-journal 1\n"
                                     << "rename\t.kamishibai/tmp/x0\ta.pdf\n"
                                     << "own\t3\t" << hex64(fnv1a64("new")) << "\ta.pdf\n"
                                     << "own\t3\t" << hex64(fnv1a64("old")) << "\tb.pdf\nend\n";
    OutputFolder out(dir.path);
    EXPECT_EQ(slurp(dir.path / "a.pdf"), "new");
    ASSERT_EQ(out.manifest().count("a.pdf"), 1u);
    EXPECT_EQ(out.manifest().at("a.pdf").hash, xxh3_64("new", 3));
    EXPECT_FALSE(out.manifest().at("a.pdf").fnv);
    EXPECT_EQ(out.manifest().count("b.pdf"), 0u);  // changed since the journal: the user's
    EXPECT_NE(slurp(state / "manifest").find("kamishibai-manifest 3\n"), std::string::npos);
}

TEST(OutputFolder, AnIncompleteJournalIsAnError) {
    TempDir dir;
    build(dir.path, {{"a.pdf", "old"}});
    std::ofstream(dir.path / ".kamishibai" / "journal") << "kamishibai-journal 1\nrename\tx\ta.pdf\n";
    EXPECT_THROW(OutputFolder{dir.path}, std::runtime_error);
    EXPECT_EQ(slurp(dir.path / "a.pdf"), "old");
}

TEST(OutputFolder, ADanglingSymlinkAsTheFolderIsAClearError) {
    TempDir dir;
    fs::create_symlink(dir.path / "nowhere", dir.path / "out");
    try {
        OutputFolder out(dir.path / "out");
        FAIL() << "no error";
    } catch (const OutputConflict& e) {
        EXPECT_NE(std::string(e.what()).find("symbolic link"), std::string::npos);
    }
}

TEST(OutputFolder, HashIsXxh3OrFnv1aForOlderStateFiles) {
    TempDir dir;
    put(dir.path / "f", "a");
    auto f = hash_file(dir.path / "f");
    EXPECT_EQ(f.size, 1u);
    EXPECT_EQ(f.hash, 0xe6c632b61e964e1fULL);  // XXH3-64 of "a" (xxhsum -H3)
    EXPECT_EQ(hash_file_bytes(dir.path / "f", FileHashKind::Fnv1a).hash, 0xaf63dc4c8601ec8cULL);  // FNV-1a 64
    OwnedFile old{1, 0xaf63dc4c8601ec8cULL};
    old.fnv = true;
    EXPECT_TRUE(same_bytes(dir.path / "f", old));
    old.fnv = false;
    EXPECT_FALSE(same_bytes(dir.path / "f", old));
    // Longer than one read block: streamed like a file, same as in memory.
    std::string big(200000, 'x');
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 131 % 251);
    put(dir.path / "g", big);
    EXPECT_EQ(hash_file(dir.path / "g").hash, xxh3_64(big.data(), big.size()));
}

// The incremental cache: a file made from the same key is kept untouched;
// another key, a changed file or a damaged manifest means making it anew.
TEST(OutputFolderCache, SameKeyKeepsTheFileUntouched) {
    TempDir dir;
    {
        OutputFolder out(dir.path);
        put(out.file("slides/01.png", 0x1234, "s1\nTitle"), "png1");
        put(out.file("slides.pdf", 0x99), "pdf");
        EXPECT_TRUE(out.commit());
    }
    struct stat before{};
    ASSERT_EQ(::stat((dir.path / "slides" / "01.png").c_str(), &before), 0);
    std::string manifest = slurp(dir.path / ".kamishibai" / "manifest");
    {
        OutputFolder out(dir.path);
        ASSERT_NE(out.previous("slides/01.png"), nullptr);
        EXPECT_EQ(out.previous("slides/01.png")->label, "s1\nTitle");
        EXPECT_FALSE(out.keep("slides/01.png", 0x1235));  // another key
        EXPECT_TRUE(out.keep("slides/01.png", 0x1234, "s1\nTitle"));
        EXPECT_TRUE(out.keep("slides.pdf", 0x99));
        EXPECT_THROW(out.file("slides.pdf"), OutputConflict);  // kept is still this build's output
        EXPECT_FALSE(out.commit());  // nothing to do
    }
    struct stat after{};
    ASSERT_EQ(::stat((dir.path / "slides" / "01.png").c_str(), &after), 0);
    EXPECT_EQ(before.st_ino, after.st_ino);
    EXPECT_EQ(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
    EXPECT_EQ(slurp(dir.path / ".kamishibai" / "manifest"), manifest);
    {
        OutputFolder out(dir.path);  // keeping one output drops the other
        EXPECT_TRUE(out.keep("slides/01.png", 0x1234, "s1\nTitle"));
        EXPECT_TRUE(out.commit());
    }
    EXPECT_FALSE(fs::exists(dir.path / "slides.pdf"));
    EXPECT_EQ(slurp(dir.path / "slides" / "01.png"), "png1");
}

// A folder an older kamishibai made (manifest 2: FNV-1a hashes) is still
// ours: its outputs are kept or removed as before, and the next manifest
// written is version 3 with XXH3 hashes.
TEST(OutputFolderCache, AnOlderManifestIsReadWithItsOwnHash) {
    TempDir dir;
    put(dir.path / "a.png", "png-a");
    put(dir.path / "b.png", "png-b");
    put(dir.path / "c.png", "png-c");
    std::string text = "kamishibai-manifest 2\n";
    for (const char* name : {"a", "b", "c"}) {
        const std::string bytes = std::string("png-") + name;
        text += "5\t" + hex64(fnv1a64(bytes)) + "\t" + hex64(0x10) + "\t\t\t" + name + ".png\n";
    }
    text += "end\t" + hex64(fnv1a64(text)) + "\n";
    put(dir.path / ".kamishibai" / "manifest", text);
    put(dir.path / "c.png", "png-C");  // changed by someone since: theirs now
    {
        OutputFolder out(dir.path);
        ASSERT_NE(out.previous("a.png"), nullptr);
        EXPECT_TRUE(out.previous("a.png")->fnv);
        EXPECT_TRUE(out.keep("a.png", 0x10));
        EXPECT_FALSE(out.keep("c.png", 0x10));
        put(out.file("d.png", 0x11), "png-d");
        EXPECT_TRUE(out.commit());  // b.png is not made: removed, c.png is the user's: stays
    }
    EXPECT_FALSE(fs::exists(dir.path / "b.png"));
    EXPECT_EQ(slurp(dir.path / "c.png"), "png-C");
    const std::string now = slurp(dir.path / ".kamishibai" / "manifest");
    EXPECT_EQ(now.rfind("kamishibai-manifest 3\n", 0), 0u);
    EXPECT_NE(now.find(hex64(xxh3_64("png-a", 5)) + "\t"), std::string::npos);
    EXPECT_EQ(now.find(hex64(fnv1a64("png-a"))), std::string::npos);
    OutputFolder again(dir.path);
    EXPECT_TRUE(again.keep("a.png", 0x10));
    EXPECT_TRUE(again.keep("d.png", 0x11));
}

TEST(OutputFolderCache, AChangedFileIsNotKept) {
    TempDir dir;
    {
        OutputFolder out(dir.path);
        put(out.file("a.png", 7), "abc");
        out.commit();
    }
    put(dir.path / "a.png", "abd");  // same size, other bytes
    OutputFolder out(dir.path);
    EXPECT_FALSE(out.keep("a.png", 7));
}

TEST(OutputFolderCache, ADamagedManifestIsNoCache) {
    TempDir dir;
    {
        OutputFolder out(dir.path);
        put(out.file("a.png", 7, "id\ntitle"), "abc");
        out.commit();
    }
    fs::path m = dir.path / ".kamishibai" / "manifest";
    const std::string good = slurp(m);
    // Damage is never trusted: either the manifest is no cache, or (a flip
    // that makes a line look like one naming a foreign path) it is refused
    // as foreign state, which is not acted on either.
    auto damaged = [&](const std::string& text) {
        put(m, text);
        try {
            OutputFolder out(dir.path);
            return !out.cache_valid() && out.previous("a.png") == nullptr && !out.keep("a.png", 7);
        } catch (const ForeignState&) {
            return true;
        }
    };
    for (std::size_t i = 0; i < good.size(); ++i) {
        if (good[i] == '\n') continue;
        std::string flipped = good;
        flipped[i] = static_cast<char>(flipped[i] ^ 0x01);
        EXPECT_TRUE(damaged(flipped)) << "byte " << i << " flipped was trusted";
    }
    for (std::size_t n = 0; n + 1 < good.size(); n += 7)
        EXPECT_TRUE(damaged(good.substr(0, n))) << "truncated to " << n << " bytes was trusted";
    EXPECT_TRUE(damaged("{\"another\": \"program\"}\n"));
    EXPECT_TRUE(damaged(good + "3\t0\t0\t\t\tb.png\n"));  // a line after the checksum
    put(m, good);
    OutputFolder out(dir.path);
    EXPECT_TRUE(out.cache_valid());
    EXPECT_TRUE(out.keep("a.png", 7));
}
