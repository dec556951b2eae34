// kamishibai: Japanese briefing slides and handouts from an XML outline.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <csignal>
#include <exception>
#include <iostream>

#include <malloc.h>

#include <CLI/CLI.hpp>

#include "app/build.h"
#include "util/data_dir.h"
#include "util/edit_distance.h"
#include "watch/watch_command.h"
#include "output/output_folder.h"

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// --handout 3,notes and the other handout words, parsed here once: each style
// makes its own file. Returns false (after printing why) on a usage error.
bool parse_handout_words(const std::string& spec, ks::BuildOptions& options) {
    for (auto* word : {&options.handout.order, &options.handout.paper, &options.handout.orientation})
        *word = lower(*word);
    std::string message;
    auto styles = ks::parse_handout_styles(lower(spec), message);
    if (!styles) {
        std::cerr << "kamishibai: " << message << "\n";
        return false;
    }
    options.handout_styles = *styles;
    ks::HandoutOptions rest = options.handout;  // paper, orientation and order are the handout layer's words
    rest.style = std::string(ks::handout_style_name(styles->front()));
    if (!ks::validate_handout_options(rest, message)) {
        std::cerr << "kamishibai: " << message << "\n";
        return false;
    }
    for (auto style : *styles)
        if (options.handout.order == "vertical" && !ks::handout_style_is_grid(style))
            std::cerr << "kamishibai: warning: --order vertical applies to handout styles 4, 6 and 9 only; "
                         "ignored for style "
                      << ks::handout_style_name(style) << "\n";
    return true;
}

// The command, with environment and C-library failures reported at this edge.
int run_command(const ks::BuildOptions& options, const ks::WatchOptions* watch) {
    try {
        if (watch) return ks::run_watch(options, *watch, std::cerr);
        return ks::run_build(options, std::cerr);
    } catch (const ks::RecoveryBlocked& e) {
        std::cerr << e.what() << "\nkamishibai: nothing written; the folder still holds part of the interrupted build\n";
        return ks::kExitInput;
    } catch (const ks::OutputConflict& e) {
        std::cerr << e.what() << "\nkamishibai: nothing written; the previous output is unchanged\n";
        return ks::kExitInput;
    } catch (const ks::CommitInterrupted& e) {
        std::cerr << "kamishibai: error: " << e.what() << "\n";
        return ks::kExitEnvironment;
    } catch (const std::exception& e) {
        std::cerr << "kamishibai: error: " << e.what() << "\n";
        if (options.write_outputs) std::cerr << "kamishibai: nothing written; the previous output is unchanged\n";
        return ks::kExitEnvironment;
    }
}

// "kamishibai bulid": says which command was meant; true when argv[1] is
// no command at all.
bool unknown_command(CLI::App& app, int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') return false;
    std::vector<std::string> commands;
    for (const auto* sub : app.get_subcommands({})) commands.push_back(sub->get_name());
    std::string word = argv[1];
    if (std::find(commands.begin(), commands.end(), word) != commands.end()) return false;
    std::string meant = ks::closest_match(word, commands);
    std::cerr << "kamishibai: unknown command \"" << word << "\""
              << (meant.empty() ? "" : "; did you mean \"" + meant + "\"?")
              << " (commands: build, watch, check; see kamishibai --help)\n";
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    // A file-size limit (ulimit -f) must be a write error with a message,
    // not a silent SIGXFSZ.
    std::signal(SIGXFSZ, SIG_IGN);
    // Every slide image needs the same few large buffers (pixels, filtered
    // rows, compressed data). Kept in the heap and reused instead of fresh
    // mmaps per slide, they are not page-faulted in again for every slide.
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    CLI::App app{"kamishibai: Japanese briefing slides and handouts from an XML outline"};
    app.set_version_flag("--version", std::string("kamishibai ") + KAMISHIBAI_VERSION + "\ndata: " + ks::data_dir());
    app.require_subcommand(1);

    ks::BuildOptions options;
    std::string handout_spec = "3";
    auto add_common = [&](CLI::App* cmd) {
        // Not checked here: a missing or unreadable outline (a folder) is an
        // input error (exit 1) from the loader, like every other.
        cmd->add_option("OUTLINE", options.outline, "outline XML file")->required();
        cmd->add_option("--layouts", options.layouts, "layout set XML (default: layouts/briefing.xml)")
            ->check(CLI::ExistingFile);
        cmd->add_option("--fonts", options.fonts_dir, "directory with fonts.conf (default: fonts/)")
            ->check(CLI::ExistingDirectory);
        cmd->add_flag("--strict", options.strict, "treat every warning as an error (exit 1)");
        cmd->add_option("--root", options.root,
                        "images must be inside DIR (for decks you did not write; default: anywhere)");
        cmd->add_option("--max-image-pixels", options.max_image_pixels,
                        "largest image allowed, in pixels (default 50000000)")
            ->check(CLI::PositiveNumber);
    };

    // build and watch take the same options.
    auto add_build_options = [&](CLI::App* build) {
    add_common(build);
    build->add_option("-o,--output", options.out_dir, "output directory")->required();
    build->add_option("--dump-layout", options.dump_layout, "also write the layout dump (JSON) to FILE");
    build->add_option("--handout", handout_spec, "handout style(s): 1 2 3 4 6 9 notes outline, or several as 3,notes (default 3)");
    build->add_option("--order", options.handout.order, "order for 4/6/9 a page: horizontal | vertical");
    build->add_option("--paper", options.handout.paper, "handout paper: a4 | letter");
    build->add_option("--orientation", options.handout.orientation, "handout orientation: auto | portrait | landscape");
    build->add_flag("--grayscale", options.handout.grayscale, "grayscale-safe handout");
    build->add_option("--scale", options.png_scale, "PNG pixels per point (default 2: 1920x1080)")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                double v = std::strtod(value.c_str(), nullptr);
                return std::isfinite(v) && v >= 0.25 && v <= 8.0 ? "" : "must be a number from 0.25 to 8";
            },
            "NUMBER in [0.25 - 8]"));
    build->add_option("-j,--jobs", options.threads, "threads (default: all cores)");
    build->add_flag("-q,--quiet", options.quiet, "print problems only");
    build->add_flag("--timings", options.timings, "print the time each phase took");
    build->add_flag("-v,--verbose", options.verbose, "print phases and every file read and written");
    build->add_option("--depfile", options.depfile, "also write a Makefile-syntax depfile to FILE");
    build->add_flag("--no-cache", options.no_cache, "make every output anew (same bytes as an incremental build)");
    build->add_option("--report", options.report, "also write the change report (JSON) to FILE");
    build->add_flag("--recover", options.recover,
                    "set aside a damaged or foreign journal/manifest in OUT/.kamishibai and replace the files "
                    "where outputs go");
    build->add_flag("--pptx", options.pptx, "also write slides.pptx (editable PowerPoint)");
    };
    CLI::App* build = app.add_subcommand("build", "lay out the outline and write slides and handout");
    add_build_options(build);
    ks::WatchOptions watch_options;
    CLI::App* watch = app.add_subcommand("watch", "build, then rebuild on every save (Ctrl-C stops)");
    add_build_options(watch);
    std::string serve_port;
    watch->add_option("--serve", serve_port, "serve a live preview on PORT (default 8640; 0: any free port)")
        ->expected(0, 1);
    watch->add_option("--host", watch_options.host, "address to serve on (default 127.0.0.1: this machine only)");

    CLI::App* check = app.add_subcommand("check", "validate the outline and report problems; writes nothing");
    add_common(check);
    check->add_option("-o,--output", options.out_dir,
                      "also say whether this output folder is settled (after a kill it holds a mix until the next build)");

    if (unknown_command(app, argc, argv)) return ks::kExitUsage;
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : ks::kExitUsage;
    }
    if (check->parsed()) options.write_outputs = false;
    if (options.verbose) options.timings = true;
    if (options.write_outputs && !parse_handout_words(handout_spec, options)) return ks::kExitUsage;
    if (!watch->parsed()) return run_command(options, nullptr);
    watch_options.serve = watch->count("--serve") > 0;
    if (!ks::parse_serve_port(serve_port, watch_options.port)) {
        std::cerr << "kamishibai: --serve: not a port number: " << serve_port << "\n";
        return ks::kExitUsage;
    }
    return run_command(options, &watch_options);
}
