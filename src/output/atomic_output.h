#pragma once
// The one output writer: everything a build produces is written beside its
// final place under a temporary name and renamed into place only when the
// whole build has succeeded, so a failed build leaves the previous output.
#include <filesystem>
#include <string>
#include <vector>

namespace ks {

class AtomicOutput {
public:
    AtomicOutput() = default;
    ~AtomicOutput();  // discards everything not committed
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    // Temporary path to write `final_path` to (its directory is created).
    std::filesystem::path file(const std::filesystem::path& final_path);
    // Temporary, empty directory that will replace `final_dir` as a whole.
    std::filesystem::path directory(const std::filesystem::path& final_dir);

    // Moves everything into place. Throws std::filesystem::filesystem_error.
    void commit();

private:
    struct Entry {
        std::filesystem::path temp, final;
        bool is_dir = false;
    };
    std::filesystem::path temp_name(const std::filesystem::path& final_path) const;
    std::vector<Entry> entries_;
    bool committed_ = false;
};

// Writes a whole file in one go (used for small text outputs).
void write_text_file(const std::filesystem::path& path, const std::string& text);

}  // namespace ks
