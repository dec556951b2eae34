#include "util/shared_library.h"

#include <dlfcn.h>

#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "util/data_dir.h"

namespace ks {
namespace {

// dlerror()'s text without the file name it often starts with.
std::string last_dl_error(const std::string& file) {
    const char* e = dlerror();
    std::string text = e ? e : "unknown error";
    if (text.rfind(file + ": ", 0) == 0) text.erase(0, file.size() + 2);
    return text;
}

}  // namespace

void SharedLibrary::Close::operator()(void* handle) const noexcept { dlclose(handle); }

SharedLibrary::SharedLibrary(std::string file, std::string remedy) : file_(std::move(file)), remedy_(std::move(remedy)) {
    handle_.reset(dlopen(file_.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE));
    if (!handle_) throw std::runtime_error("cannot load " + file_ + " (" + last_dl_error(file_) + "); " + remedy_);
}

void* SharedLibrary::symbol(const char* name) const {
    dlerror();  // clear
    void* address = dlsym(handle_.get(), name);
    if (!address)
        throw std::runtime_error("cannot find " + std::string(name) + " in " + file_ + " (" + last_dl_error(file_) + "); " +
                                 remedy_);
    return address;
}

const void* load_module_table(const std::string& name, const char* symbol) {
    const std::string file = (std::filesystem::path(module_dir()) / (name + ".so")).string();
    const std::string remedy = "kamishibai needs its module " + name + ".so there: reinstall kamishibai";
    // The handle closes on return; RTLD_NODELETE keeps the module (which
    // the table points into) mapped until the process ends.
    const SharedLibrary module(file, remedy);
    const void* table = module.symbol(symbol);
    const char* version = *static_cast<const char* const*>(table);
    if (std::strcmp(version, KAMISHIBAI_VERSION) != 0)
        throw std::runtime_error(file + " is of kamishibai " + version + ", this program is " KAMISHIBAI_VERSION
                                 "; reinstall kamishibai");
    return table;
}

}  // namespace ks
