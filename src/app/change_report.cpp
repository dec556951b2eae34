#include "app/change_report.h"

#include <cstdlib>
#include <map>
#include <ostream>

#include <nlohmann/json.hpp>

#include "app/output_names.h"

namespace ks {
namespace {

std::string match_key(const std::string& id, std::size_t index) {
    return id.empty() ? "#" + std::to_string(index) : "=" + id;
}

}  // namespace

std::string slide_label(const std::string& id, const std::string& title) { return id + "\n" + title; }

ChangeReport compare_slides(const std::vector<SlideOutput>& now, const OutputFolder& previous) {
    struct Old {
        std::size_t index;
        std::string id, title, png;
        std::uint64_t key;
    };
    std::map<std::string, Old> old;
    if (previous.cache_valid())
        for (const auto& [rel, f] : previous.manifest()) {
            auto index = OutputNames::slide_index(rel);
            auto nl = f.label.find('\n');
            if (!index || nl == std::string::npos) continue;
            Old o{*index, f.label.substr(0, nl), f.label.substr(nl + 1), rel, f.key};
            old[match_key(o.id, o.index)] = o;
        }
    ChangeReport report;
    for (const auto& s : now) {
        auto it = old.find(match_key(s.id, s.index));
        if (it == old.end()) {
            report.added.push_back({s.index, s.id, s.title});
            continue;
        }
        if (it->second.key != s.key || it->second.png != s.png) report.changed.push_back({s.index, s.id, s.title});
        old.erase(it);
    }
    std::map<std::size_t, SlideChange> removed;  // in the old order
    for (const auto& [_, o] : old) removed[o.index] = {o.index, o.id, o.title};
    for (auto& [_, c] : removed) report.removed.push_back(std::move(c));
    return report;
}

std::string change_report_json(const ChangeReport& report) {
    auto list = [](const std::vector<SlideChange>& changes) {
        nlohmann::ordered_json a = nlohmann::ordered_json::array();
        for (const auto& c : changes)
            a.push_back({{"index", c.index + 1}, {"id", c.id}, {"title", c.title}});
        return a;
    };
    nlohmann::ordered_json j;
    j["added"] = list(report.added);
    j["changed"] = list(report.changed);
    j["removed"] = list(report.removed);
    j["ms"] = static_cast<long long>(report.ms + 0.5);
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void print_change_report(const ChangeReport& report, std::ostream& err) {
    constexpr std::size_t kShown = 10;  // per kind; a first build adds every slide
    auto print = [&](const char* what, const std::vector<SlideChange>& changes) {
        for (std::size_t i = 0; i < changes.size() && i < kShown; ++i) {
            const auto& c = changes[i];
            err << "  " << what << " " << c.index + 1 << " " << (c.id.empty() ? "(no id)" : c.id);
            if (!c.title.empty()) err << " 「" << c.title << "」";
            err << "\n";
        }
        if (changes.size() > kShown) err << "  " << what << " " << changes.size() - kShown << " more\n";
    };
    print("added  ", report.added);
    print("changed", report.changed);
    print("removed", report.removed);
}

}  // namespace ks
