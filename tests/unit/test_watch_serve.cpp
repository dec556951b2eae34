// Pure parts of watch, the preview server and the depfile.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/depfile.h"
#include "serve/out_path.h"
#include "watch/watch_command.h"

namespace fs = std::filesystem;
using namespace ks;

namespace {
struct TempTree {
    fs::path root = fs::temp_directory_path() / ("ks-outpath-" + std::to_string(::getpid()));
    TempTree() {
        fs::remove_all(root);
        fs::create_directories(root / "out" / "slides");
        std::ofstream(root / "out" / "slides" / "01.png") << "png";
        std::ofstream(root / "secret.txt") << "secret";
        fs::create_symlink("../secret.txt", root / "out" / "escape.txt");
        fs::create_symlink("slides/01.png", root / "out" / "alias.png");
    }
    ~TempTree() { fs::remove_all(root); }
};
}  // namespace

TEST(OutPath, ServesFilesInsideTheFolder) {
    TempTree t;
    auto p = resolve_out_path(t.root / "out", "slides/01.png");
    ASSERT_TRUE(p);
    EXPECT_EQ(*p, fs::canonical(t.root / "out" / "slides" / "01.png"));
    EXPECT_TRUE(resolve_out_path(t.root / "out", "alias.png"));  // link staying inside
}

TEST(OutPath, RefusesEveryWayOut) {
    TempTree t;
    for (const char* bad : {"", "/etc/passwd", "../secret.txt", "slides/../../secret.txt", "./slides/01.png",
                            "slides//01.png", "slides/", "slides", "escape.txt", "..", "missing.png"})
        EXPECT_FALSE(resolve_out_path(t.root / "out", bad)) << bad;
    EXPECT_FALSE(resolve_out_path(t.root / "out", std::string_view("slides/01.png\0x", 15)));
}

TEST(Depfile, EscapesForMake) {
    EXPECT_EQ(make_escape("my deck/図 1.png"), "my\\ deck/図\\ 1.png");
    EXPECT_EQ(make_escape("a#b$c"), "a\\#b$$c");
    BuildResult r;
    r.inputs = {"deck.xml", "my fig.png"};
    r.outputs = {"out/slides/01.png", "out/slides.pdf"};
    EXPECT_EQ(depfile_text(r),
              "out/slides/01.png \\\n  out/slides.pdf: \\\n  deck.xml \\\n  my\\ fig.png\n"
              "\ndeck.xml:\n\nmy\\ fig.png:\n");
}

TEST(ServePort, ParsesTheOptionalPort) {
    int port = 8640;
    EXPECT_TRUE(parse_serve_port("", port));
    EXPECT_EQ(port, 8640);
    EXPECT_TRUE(parse_serve_port("0", port));
    EXPECT_EQ(port, 0);
    EXPECT_TRUE(parse_serve_port("9000", port));
    EXPECT_EQ(port, 9000);
    for (const char* bad : {"-1", "65536", "abc", "deck.xml", "123456"}) EXPECT_FALSE(parse_serve_port(bad, port)) << bad;
}
