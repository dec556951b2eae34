// kamishibai: Japanese briefing slides and handouts from an XML outline.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/build.h"
#include "util/data_dir.h"

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

    CLI::App* build = app.add_subcommand("build", "lay out the outline and write slides and handout");
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

    CLI::App* check = app.add_subcommand("check", "validate the outline and report problems; writes nothing");
    add_common(check);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : ks::kExitUsage;
    }
    if (check->parsed()) options.write_outputs = false;
    std::string message;
    if (options.write_outputs && !ks::validate_handout_options(options.handout, message)) {
        std::cerr << "kamishibai: " << message << "\n";
        return ks::kExitUsage;
    }
    try {
        return ks::run_build(options, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "kamishibai: error: " << e.what() << "\nkamishibai: nothing written; the previous output is unchanged\n";
        return ks::kExitEnvironment;
    }
}
