// kamishibai: Japanese briefing slides and handouts from an XML outline.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/build.h"
#include "util/data_dir.h"
#include "watch/watch_command.h"

int main(int argc, char** argv) {
    CLI::App app{"kamishibai: Japanese briefing slides and handouts from an XML outline"};
    app.set_version_flag("--version", std::string("kamishibai ") + KAMISHIBAI_VERSION + "\ndata: " + ks::data_dir());
    app.require_subcommand(1);

    ks::BuildOptions options;
    auto add_common = [&](CLI::App* cmd) {
        cmd->add_option("OUTLINE", options.outline, "outline XML file")->required()->check(CLI::ExistingFile);
        cmd->add_option("--layouts", options.layouts, "layout set XML (default: layouts/briefing.xml)")
            ->check(CLI::ExistingFile);
        cmd->add_option("--fonts", options.fonts_dir, "directory with fonts.conf (default: fonts/)")
            ->check(CLI::ExistingDirectory);
        cmd->add_flag("--strict", options.strict, "treat every warning as an error (exit 1)");
    };

    // build and watch take the same options.
    auto add_build_options = [&](CLI::App* build) {
    add_common(build);
    build->add_option("-o,--output", options.out_dir, "output directory")->required();
    build->add_option("--dump-layout", options.dump_layout, "also write the layout dump (JSON) to FILE");
    build->add_option("--handout", options.handout.style, "handout style: 1 2 3 4 6 9 notes outline (default 3)");
    build->add_option("--order", options.handout.order, "order for 4/6/9 a page: horizontal | vertical");
    build->add_option("--paper", options.handout.paper, "handout paper: a4 | letter");
    build->add_option("--orientation", options.handout.orientation, "handout orientation: auto | portrait | landscape");
    build->add_flag("--grayscale", options.handout.grayscale, "grayscale-safe handout");
    build->add_option("--scale", options.png_scale, "PNG pixels per point (default 2: 1920x1080)")
        ->check(CLI::Range(0.25, 8.0));
    build->add_option("-j,--jobs", options.threads, "threads (default: all cores)");
    build->add_flag("-q,--quiet", options.quiet, "print problems only");
    build->add_flag("--timings", options.timings, "print the time each phase took");
    build->add_flag("-v,--verbose", options.verbose, "print phases and every file read and written");
    build->add_option("--depfile", options.depfile, "also write a Makefile-syntax depfile to FILE");
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

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : ks::kExitUsage;
    }
    if (check->parsed()) options.write_outputs = false;
    if (options.verbose) options.timings = true;
    std::string message;
    if (options.write_outputs && !ks::validate_handout_options(options.handout, message)) {
        std::cerr << "kamishibai: " << message << "\n";
        return ks::kExitUsage;
    }
    try {
        if (watch->parsed()) {
            watch_options.serve = watch->count("--serve") > 0;
            if (!ks::parse_serve_port(serve_port, watch_options.port)) {
                std::cerr << "kamishibai: --serve: not a port number: " << serve_port << "\n";
                return ks::kExitUsage;
            }
            return ks::run_watch(options, watch_options, std::cerr);
        }
        return ks::run_build(options, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "kamishibai: error: " << e.what() << "\nkamishibai: nothing written; the previous output is unchanged\n";
        return ks::kExitEnvironment;
    }
}
