#include "app/build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <numeric>
#include <ostream>
#include <thread>

#include "app/build_stages.h"
#include "app/change_report.h"
#include "app/depfile.h"
#include "app/export_tasks.h"
#include "app/input_stamps.h"
#include "app/layout_cache_file.h"
#include "app/layout_memo.h"
#include "app/progress.h"
#include "cache/render_key.h"
#include "export/cairo/cairo_painter.h"
#include "export/cairo/slide_exporter.h"
#include "export/dump/layout_dump.h"
#include "output/output_folder.h"
#include "util/data_dir.h"
#include "util/parallel.h"

namespace fs = std::filesystem;

namespace ks {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// --quiet prints problems only: notes (what fitting did) are left out.
void print_summary(const Diagnostics& diags, std::ostream& err, bool quiet) {
    err << format_diagnostics(diags, quiet);  // one message per problem on many slides, capped
    auto errors = diags.error_count(), warnings = diags.warning_count();
    if (errors || warnings)
        err << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
            << (warnings == 1 ? " warning" : " warnings") << "\n";
}

// A stage found errors in the input: report them, write nothing.
int stop_for_input(const Diagnostics& diags, const BuildOptions& options, std::ostream& err) {
    print_summary(diags, err, options.quiet);
    if (options.write_outputs) err << "kamishibai: nothing written; the previous output is unchanged\n";
    return kExitInput;
}

bool stage_failed(Diagnostics& diags, const BuildOptions& options) {
    if (options.strict) diags = warnings_as_errors(diags);
    return diags.has_errors();
}

void refuse_input(const fs::path& target, const std::vector<std::string>& inputs) {
    std::error_code ec;
    for (const auto& input : inputs)
        if (fs::equivalent(target, input, ec))
            throw OutputConflict(target.string() + ": error: this is an input of the build (" + input +
                                 ") and would be overwritten by an output; choose another name");
}

// `path` relative to `dir` when it lies inside it, else "".
std::string inside(const fs::path& dir, const fs::path& path) {
    std::error_code ec;
    fs::path d = fs::weakly_canonical(dir, ec), p = fs::weakly_canonical(path, ec);
    if (ec) return "";
    fs::path rel = p.lexically_relative(d);
    if (rel.empty() || *rel.begin() == "..") return "";
    return rel.string();
}

// A file beside the outputs (layout dump, depfile, change report). Inside
// the output folder it goes through the commit; elsewhere it is written on
// its own after the commit.
struct SideFile {
    std::string path;      // as given; empty: not asked for
    std::string relative;  // inside the output folder, else empty
    std::string temp;      // the commit's temporary; empty: kept or outside
    std::string text;
    const char* what = "";
};

// The state of one build between the export stage and the report.
struct BuildRun {
    const BuildOptions& options;
    std::ostream& err;
    Clock::time_point start = Clock::now();
    std::chrono::system_clock::time_point started = std::chrono::system_clock::now();  // for file times
    Diagnostics diags;
    double layout_ms = 0;
    const LayoutMemo* layout_cache = nullptr;  // the CLI's, written after the commit
};

// Every key also depends on the layout set and the font configuration,
// though frames already show their effect.
RenderKeys input_keys(const BuildOptions& options, const Loaded& loaded) {
    RenderKeys keys;
    keys.add_input(loaded.layouts_file, true);
    const std::string fonts_dir = options.fonts_dir.empty() ? default_fonts_dir() : options.fonts_dir;
    for (const auto& input : loaded.described.inputs)
        if (input.rfind(fonts_dir, 0) == 0) keys.add_input(input, input.ends_with("fonts.conf"));
    return keys;
}

void check_report_path(const BuildOptions& options, const std::vector<std::string>& inputs) {
    if (options.report.empty()) return;
    refuse_input(options.report, inputs);
    if (OutputNames::reserved(inside(options.out_dir, options.report)))
        throw OutputConflict(options.report + ": error: the change report would overwrite an output of the build; "
                             "choose another file name");
}

std::uint64_t side_file_key(const std::string& text) {
    KeyHasher h;
    h.str("side file");
    h.str(text);
    return h.value();
}

// Incremental: an output whose key is the one the previous build recorded,
// and which is still on disk as written, is kept (temp stays ""); any other
// gets a temporary to be written to.
class OutputPlan {
public:
    OutputPlan(const BuildOptions& options, const std::vector<std::string>& inputs)
        : options_(options), inputs_(inputs), out_(options.out_dir, options.recover) {}
    std::string temp_for(const std::string& relative, std::uint64_t key, const std::string& label = "") {
        refuse_input(fs::path(options_.out_dir) / relative, inputs_);
        if (!options_.no_cache && out_.keep(relative, key, label)) return "";
        return out_.file(relative, key, label).string();
    }
    SideFile side_file(const std::string& path, std::string text, const char* what) {
        SideFile side{path, "", "", std::move(text), what};
        if (path.empty()) return side;
        refuse_input(path, inputs_);
        side.relative = inside(options_.out_dir, path);
        if (side.relative.empty()) check_replaceable(path);  // before anything is written
        else side.temp = temp_for(side.relative, side_file_key(side.text));
        return side;
    }
    OutputFolder& folder() { return out_; }

private:
    const BuildOptions& options_;
    const std::vector<std::string>& inputs_;
    OutputFolder out_;
};

unsigned export_threads(unsigned asked) {
    // More threads than cores only costs memory: at most 4 a core, 64 in all.
    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return std::min({asked ? asked : cores, cores * 4, 64u});
}

// Runs the tasks that have a temporary, in parallel; their diagnostics join
// the build's. --timings: the CPU time of each exporter.
void run_exports(BuildRun& run, const std::vector<ExportTask>& tasks, const std::vector<std::string>& temps,
                 OutputFolder& out) {
    const auto kinds = export_kinds();
    std::vector<std::atomic<long long>> cpu_us(kinds.size());
    std::vector<Diagnostics> task_diags(tasks.size());
    std::size_t slide_steps = 0;
    for (std::size_t t = 0; t < tasks.size(); ++t) slide_steps += tasks[t].slide_step && !temps[t].empty();
    Progress progress(slide_steps, !run.options.quiet && stderr_is_terminal());
    std::vector<std::function<void()>> jobs;
    // Preview first: the slide images start before the documents.
    std::vector<std::size_t> order(tasks.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    if (run.options.on_slide_png)
        std::stable_partition(order.begin(), order.end(), [&](std::size_t t) { return tasks[t].slide_step; });
    for (std::size_t t : order)
        if (!temps[t].empty())
            jobs.push_back([&, t] {
                auto begin = Clock::now();
                tasks[t].write(temps[t], task_diags[t]);
                cpu_us[tasks[t].exporter] +=
                    std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - begin).count();
                if (tasks[t].slide_step) progress.step();
            });
    const unsigned threads = export_threads(run.options.threads);
    try {
        run_parallel(jobs, threads);
    } catch (const std::exception& e) {
        throw std::runtime_error(out.final_names(e.what()));  // name outputs, not temporaries
    }
    progress.finish();
    for (const auto& d : task_diags) run.diags.append(d);
    if (!run.options.timings) return;
    std::string line = "   ";
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "%s %s %7.1f ms", k ? "," : "", kinds[k].c_str(), cpu_us[k] / 1000.0);
        line += buf;
    }
    run.err << line << " (CPU, " << threads << " threads)\n";
}

void write_side_file_outside(const SideFile& side, const std::string& out_dir) {
    if (side.path.empty() || !side.relative.empty()) return;
    try {
        write_file_atomically(side.path, side.text);
    } catch (const std::exception& e) {
        throw CommitInterrupted(std::string(e.what()) + "\nkamishibai: the output in " + out_dir +
                                " is complete and new; the " + side.what + " " + side.path + " was not written");
    }
}

// commit: side files inside the folder join the commit, the others follow it.
void commit_stage(OutputFolder& out, const std::vector<SideFile>& sides, const std::string& out_dir) {
    for (const auto& side : sides)
        if (!side.temp.empty()) write_file_atomically(side.temp, side.text);
    out.commit();
    for (const auto& side : sides) write_side_file_outside(side, out_dir);
}

void print_time(const BuildRun& run, const char* name, double ms) {
    if (!run.options.timings) return;
    char buf[96];
    std::snprintf(buf, sizeof buf, "  %-18s %7.1f ms\n", name, ms);
    run.err << buf;
}

// --verbose: every file read and written, with its size.
void print_files(const BuildResult& build, std::ostream& err) {
    std::error_code ec;
    for (const auto& in : build.inputs) err << "  input  " << in << "\n";
    for (const auto& out : build.outputs) {
        auto size = fs::file_size(out, ec);
        err << "  wrote  " << out << " (" << (ec ? 0 : size) << " bytes)\n";
    }
}

// report: the change report, the summary line, the BuildResult.
int report_stage(BuildRun& run, BuildResult& described, ChangeReport changes, std::size_t slides,
                 std::size_t handout_pages) {
    changes.ms = ms_since(run.start);
    write_side_file_outside({run.options.report, "", "", change_report_json(changes), "change report"},
                            run.options.out_dir);
    if (run.options.verbose) print_files(described, run.err);
    described.changes = changes;
    print_summary(run.diags, run.err, run.options.quiet);
    if (!run.options.quiet) {
        print_change_report(changes, run.err);
        char buf[160];
        std::snprintf(buf, sizeof buf, "%zu slide%s, %zu handout page%s -> %s (layout %.0f ms, total %.0f ms)\n",
                      slides, slides == 1 ? "" : "s", handout_pages, handout_pages == 1 ? "" : "s",
                      run.options.out_dir.c_str(), run.layout_ms, ms_since(run.start));
        run.err << buf;
    }
    return kExitOk;
}

std::vector<std::string> slide_labels(const Deck& deck) {
    std::vector<std::string> labels;
    for (const auto& s : deck.slides) labels.push_back(slide_label(s.id, s.title.plain()));
    return labels;
}

// export -> commit -> report, for a build that writes.
int export_commit_report(BuildRun& run, const Loaded& loaded, const Deck& deck, const Document& slides,
                         const Imposed& imposed, const OutputNames& names, BuildResult& described) {
    const BuildOptions& options = run.options;
    auto phase = Clock::now();
    print_time(run, "load+layout+impose", run.layout_ms);
    if (options.verbose)
        run.err << "  read " << options.outline << ": " << deck.slides.size() << " slides, " << imposed.pages
                << " handout pages\n";
    // Inputs are never outputs: an output landing on the outline, the layout
    // set or an image is an error before anything is made.
    check_report_path(options, described.inputs);
    OutputPlan plan(options, described.inputs);
    RenderKeys keys = input_keys(options, loaded);
    CairoPainter painter;
    const auto labels = slide_labels(deck);
    const BuiltDocuments built{slides, imposed.handouts, names, options, painter, labels};  // the tasks refer to it
    const auto tasks = export_tasks(built, keys);
    std::vector<std::string> temps;
    std::vector<SlideOutput> slide_outputs;
    for (const auto& task : tasks) {
        temps.push_back(plan.temp_for(task.output, task.key, task.label));
        if (auto i = OutputNames::slide_index(task.output); i && task.slide_step)
            slide_outputs.push_back({*i, deck.slides[*i].id, deck.slides[*i].title.plain(), task.output, task.key});
    }
    ChangeReport changes = compare_slides(slide_outputs, plan.folder());
    const std::vector<SideFile> sides = {
        plan.side_file(options.dump_layout, options.dump_layout.empty() ? "" : layout_dump_json(slides), "layout dump"),
        plan.side_file(options.depfile, options.depfile.empty() ? "" : depfile_text(described), "depfile")};
    run_exports(run, tasks, temps, plan.folder());
    print_time(run, "export", ms_since(phase));
    phase = Clock::now();
    commit_stage(plan.folder(), sides, options.out_dir);
    record_inputs(options, described, run.started);
    print_time(run, "commit", ms_since(phase));
    if (run.layout_cache) {  // after the commit, under the folder's lock
        phase = Clock::now();
        if (!write_layout_cache(options.out_dir, *run.layout_cache) && options.verbose)
            run.err << "  note: the layout cache could not be written; the next build lays out every slide\n";
        print_time(run, "layout cache write", ms_since(phase));
    }
    for (std::size_t i = 0; i < described.slides.size() && i < slide_outputs.size(); ++i)
        described.slides[i].key = slide_outputs[i].key;
    return report_stage(run, described, std::move(changes), deck.slides.size(), imposed.pages);
}

// What layout depends on besides the deck (app/layout_memo.h); for the
// CLI's cache also what may differ between processes (fontconfig's
// environment, the working folder relative paths start from).
std::uint64_t layout_context(const BuildOptions& options, const Loaded& loaded) {
    char scale[64];
    std::snprintf(scale, sizeof scale, "scale %.17g", options.png_scale);
    std::string process;
    for (const char* name : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "KAMISHIBAI_DATA_DIR", "LANG", "LC_ALL"}) {
        const char* v = std::getenv(name);
        process += std::string(name) + "=" + (v ? v : "(unset)") + "\n";
    }
    std::error_code ec;
    process += "cwd " + fs::current_path(ec).string();
    return layout_context_key(loaded.described.inputs, loaded.described.input_dirs, options.outline,
                              std::string(scale) + "\n" + loaded.layouts_file + "\n" + options.fonts_dir + "\n" +
                                  process);
}

// The CLI's layout cache (app/layout_cache_file.h): read unless --no-cache
// (then only written), for builds that write an output folder.
LayoutMemo* cli_layout_cache(const BuildOptions& options, LayoutMemo& memo) {
    if (options.layout_memo || !options.write_outputs || options.out_dir.empty()) return nullptr;
    if (!options.no_cache) read_layout_cache(layout_cache_path(options.out_dir), memo);
    return &memo;
}

void print_layout_counts(const BuildRun& run, const LayoutMemo& memo, std::size_t source, std::size_t slides) {
    const BuildOptions& options = run.options;
    if (options.quiet || (!options.layout_memo && !options.verbose)) return;
    run.err << "layout: " << memo.laid_out << " of " << slides << " slides laid out (" << memo.reused
            << (options.layout_memo ? " kept from the last build)\n" : " from the layout cache)\n");
    if (options.verbose)
        run.err << "fit: " << memo.fits_decided << " of " << memo.fits_decided + memo.fits_reused
                << " slide bodies measured (" << memo.fits_reused << " decisions kept, " << source
                << " slides)\n";
}

}  // namespace

std::string default_layouts_file() { return (fs::path(data_dir()) / "layouts" / "briefing.xml").string(); }
std::string default_fonts_dir() { return (fs::path(data_dir()) / "fonts").string(); }

int run_build(const BuildOptions& options, std::ostream& err, BuildResult* result) {
    if (const char* env = std::getenv("KAMISHIBAI_DATA_DIR"); env && *env && !fs::is_directory(env))
        throw std::runtime_error(std::string("KAMISHIBAI_DATA_DIR is ") + env +
                                 ", which is not a folder; unset it or point it at a kamishibai data tree");
    BuildRun run{options, err};
    BuildResult ignored;
    BuildResult& described = result ? *result : ignored;
    if (std::vector<std::string> inputs; nothing_changed(options, &inputs)) {
        described.unchanged = true;
        if (!options.report.empty()) {  // the report of a build that changed nothing
            check_report_path(options, inputs);
            ChangeReport none;
            none.ms = ms_since(run.start);
            write_side_file_outside({options.report, "", "", change_report_json(none), "change report"},
                                    options.out_dir);
        }
        if (!options.quiet) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "no change since the last build -> %s (total %.0f ms)\n",
                          options.out_dir.c_str(), ms_since(run.start));
            err << buf;
        }
        return kExitOk;
    }
    if (options.write_outputs) prepare_cairo_pdf();  // slides.pdf is written unless its key is unchanged
    // The fonts are opened (fontconfig reads its configuration and caches,
    // several ms) on another thread while the outline is read.
    const std::string fonts_dir = options.fonts_dir.empty() ? default_fonts_dir() : options.fonts_dir;
    auto opening = std::async(std::launch::async, [&fonts_dir] { return std::make_unique<Typesetter>(fonts_dir); });
    auto phase = Clock::now();
    Loaded loaded = load_stage(options, run.diags);
    print_time(run, "load", ms_since(phase));
    described = loaded.described;
    if (!loaded.ok() || run.diags.has_errors()) return stop_for_input(run.diags, options, err);
    const std::vector<HandoutStyle> styles =
        options.write_outputs ? options.handout_styles : std::vector<HandoutStyle>{HandoutStyle::Notes};
    phase = Clock::now();
    const std::unique_ptr<Typesetter> fonts = opening.get();
    Typesetter& type = *fonts;
    print_time(run, "fonts (waited)", ms_since(phase));
    LayoutMemo disk_memo;
    const auto cache_read = Clock::now();
    LayoutMemo* memo = options.layout_memo ? options.layout_memo : cli_layout_cache(options, disk_memo);
    print_time(run, "layout cache read", ms_since(cache_read));
    const std::uint64_t context = memo ? layout_context(options, loaded) : 0;
    phase = Clock::now();
    std::optional<Deck> deck = fit_stage(*loaded.deck, *loaded.set, type, run.diags, memo, context);
    print_time(run, "fit", ms_since(phase));
    phase = Clock::now();
    const Document slides = deck ? render_stage(*deck, *loaded.set, type, run.diags, memo, context) : Document{};
    print_time(run, "render (layout)", ms_since(phase));
    if (memo && deck) print_layout_counts(run, *memo, loaded.deck->slides.size(), deck->slides.size());
    if (memo == &disk_memo) run.layout_cache = &disk_memo;
    if (!deck || stage_failed(run.diags, options)) return stop_for_input(run.diags, options, err);
    const OutputNames names(deck->slides.size(), styles);
    describe_outputs(options, *deck, names, described);
    // The handout is imposed for `check` too: speaker notes are set there
    // (style notes sets every note), and their problems must be reported
    // without writing anything.
    phase = Clock::now();
    const Imposed imposed = impose_stage(*deck, slides, *loaded.set, type, options, styles, run.diags);
    print_time(run, "impose", ms_since(phase));
    run.layout_ms = ms_since(run.start);
    if (options.write_outputs && stage_failed(run.diags, options)) return stop_for_input(run.diags, options, err);
    if (!options.write_outputs) {
        if (!options.out_dir.empty()) err << folder_state_note(options.out_dir);  // check -o OUT
        (void)layout_dump_json(slides);  // what --dump-layout would write must be writable too
        print_summary(run.diags, err, options.quiet);
        if (!options.quiet) err << options.outline << ": " << deck->slides.size() << " slides, ok\n";
        return run.diags.has_errors() ? kExitInput : kExitOk;
    }
    return export_commit_report(run, loaded, *deck, slides, imposed, names, described);
}

}  // namespace ks
