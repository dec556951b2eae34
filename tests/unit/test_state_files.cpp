// The state files of the output folder are read without trust: a path that
// leaves the folder makes the file foreign, and what is accepted reads back
// as it was written.
#include <gtest/gtest.h>

#include "app/depfile.h"
#include "output/state_files.h"

using namespace ks;

TEST(StateFiles, OnlyPlainRelativePathsInsideTheFolder) {
    for (const char* good : {"slides/01.png", "handout.pdf", "a b/c", "..a", "a..", ".hidden"})
        EXPECT_EQ(path_problem(good), "") << good;
    for (const char* bad : {"", "/etc/passwd", "../victim.txt", "slides/../../x", "a//b", "a/", "./a", "a/./b",
                            "a/..", ".kamishibai/manifest", "a\nb", "a\tb"})
        EXPECT_NE(path_problem(bad), "") << bad;
    EXPECT_EQ(path_problem(".kamishibai/tmp/x", true), "");
}

TEST(StateFiles, AJournalNamingAPathOutsideIsForeign) {
    Journal j;
    auto p = parse_journal("kamishibai-journal 1\nrename\t.kamishibai/tmp/a\tslides/01.png\ndelete\t../victim.txt\nend\n", j);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->line, 3u);
    EXPECT_EQ(printable_line(p->text), "delete\\t../victim.txt");
    EXPECT_TRUE(parse_journal("kamishibai-journal 1\nrename\t../file\tslides/99.png\nend\n", j));
    EXPECT_TRUE(parse_journal("kamishibai-journal 1\nrename\t.kamishibai/tmp/x\t/abs\nend\n", j));
    EXPECT_TRUE(parse_journal("kamishibai-journal 1\nrename\t.kamishibai/tmp/a/b\tx\nend\n", j));
    EXPECT_TRUE(parse_journal("kamishibai-journal 1\nown\t1\t0\t../x\nend\n", j));
    EXPECT_TRUE(parse_journal("kamishibai-journal 1\nbogus\nend\n", j));
    EXPECT_TRUE(parse_journal("kamishibai-journal 1\ndelete\ta\n", j));  // no end: damaged
}

TEST(StateFiles, AJournalReadsBackAsWritten) {
    Journal j;
    j.renames = {{".kamishibai/tmp/slides_01.png.tmp-00", "slides/01.png"}};
    j.deletes = {"slides/02.png"};
    j.owned["slides/01.png"] = {5, 0xab, 0xcd, "1:2:5:3.4", "s1\ntitle\twith tab"};
    Journal back;
    ASSERT_FALSE(parse_journal(journal_text(j), back));
    EXPECT_EQ(back.renames, j.renames);
    EXPECT_EQ(back.deletes, j.deletes);
    EXPECT_EQ(back.owned.at("slides/01.png").label, "s1\ntitle\twith tab");
    EXPECT_EQ(back.rename_lines, std::vector<std::size_t>{2});
    EXPECT_EQ(back.delete_lines, std::vector<std::size_t>{3});
}

TEST(StateFiles, AManifestOwningAPathOutsideIsForeign) {
    Manifest m;
    auto p = parse_manifest("kamishibai-manifest 1\n7\t0\t../victim\n", m);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->line, 2u);
    EXPECT_TRUE(parse_manifest("kamishibai-manifest 2\n7\t0\t0\t\t\t/abs\nend\t0\n", m));
    // Not ours at all, or merely damaged: owns nothing or skips the line, no problem.
    EXPECT_FALSE(parse_manifest("{\"another\": \"program\"}\n", m));
    EXPECT_TRUE(m.owned.empty());
    EXPECT_FALSE(parse_manifest("kamishibai-manifest 2\nx\ty\t../z\n", m));
    EXPECT_TRUE(m.owned.empty());
    std::map<std::string, OwnedFile> files{{"slides.pdf", {3, 1, 2, "s", "l"}}};
    ASSERT_FALSE(parse_manifest(manifest_text(files), m));
    EXPECT_TRUE(m.intact);
    EXPECT_EQ(m.owned.at("slides.pdf").key, 2u);
}

TEST(Depfile, EveryNameMakeCanReadIsEscapedAndTheRestRefused) {
    EXPECT_EQ(make_escape("a b:c$d#e%f\\g.png"), "a\\ b\\:c$$d\\#e%f\\g.png");
    EXPECT_EQ(make_escape("x*?[y]|z"), "x\\*\\?\\[y\\]\\|z");
    EXPECT_EQ(make_escape("a\\ b"), "a\\\\\\ b");  // the backslash before a blank stays literal
    for (const char* bad : {"a\nb", "a\rb", "a;b", "k=v", "ar(member)", "trail\\", ""})
        EXPECT_NE(make_cannot_express(bad), "") << bad;
    for (const char* good : {"fig (1).png", "(a)", "a%b", "x/y z"}) EXPECT_EQ(make_cannot_express(good), "") << good;
    BuildResult r;
    r.outputs = {"out/slides.pdf"};
    r.inputs = {"evil\nall: ; touch PWNED\n.png"};
    EXPECT_THROW(depfile_text(r), std::runtime_error);
}
