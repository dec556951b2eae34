#include "export/pdf/hpdf_document.h"

#include "util/dates.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stdexcept>

#include "export/pdf/hpdf_utf.h"

namespace ks::hpdf {

namespace {

// Records the first error; never throws or jumps out of C code.
void HPDF_STDCALL on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) noexcept {
    auto* state = static_cast<ErrorState*>(user_data);
    if (!state) return;
    if (state->code == 0) {
        state->code = error_no;
        state->detail = detail_no;
    }
    ++state->count;
}

}  // namespace

Document::Document() : errors_(std::make_unique<ErrorState>()) {
    doc_.reset(HPDF_New(on_error, errors_.get()));
    if (!doc_) throw std::runtime_error("libharu: cannot create a PDF document (out of memory?)");
}

void Document::check(std::string_view what) const {
    if (!failed()) return;
    const HPDF_STATUS code = errors_->code ? errors_->code : HPDF_GetError(doc_.get());
    const HPDF_STATUS detail = errors_->code ? errors_->detail : HPDF_GetErrorDetail(doc_.get());
    char buf[96];
    std::snprintf(buf, sizeof buf, " failed (libharu error 0x%04X, detail %u)", static_cast<unsigned>(code),
                  static_cast<unsigned>(detail));
    throw std::runtime_error("libharu: " + std::string(what) + buf);
}

void Document::reset_error() {
    *errors_ = ErrorState{};
    HPDF_ResetError(doc_.get());
}

HPDF_Binary Document::text_string(std::string_view utf8) const {
    auto bytes = utf16be_with_bom(utf8);
    if (bytes.size() > 65000) bytes.resize(65000);  // libharu's string limit
    HPDF_Binary b = HPDF_Binary_New(doc_->mmgr, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
    if (!b) check("creating a text string");
    return b;
}

HPDF_Dict Document::info_dict() {
    if (!doc_->info) {
        // libharu creates the info dictionary on first use.
        HPDF_SetInfoAttr(doc_.get(), HPDF_INFO_CREATOR, "kamishibai");
        check("creating the document info");
    }
    return doc_->info;
}

void Document::set_info_text(const char* key, std::string_view utf8) {
    HPDF_Dict info = info_dict();
    HPDF_Dict_Add(info, key, text_string(utf8));
    check(std::string("setting document info /") + key);
}

void Document::set_info_date(const char* key, const std::string& date) {
    HPDF_Dict info = info_dict();
    HPDF_Dict_Add(info, key, HPDF_String_New(doc_->mmgr, date.c_str(), nullptr));
    check(std::string("setting document info /") + key);
}

void Document::set_file_id(const unsigned char (&id)[16]) {
    HPDF_Array arr = HPDF_Array_New(doc_->mmgr);
    if (!arr) check("creating the file ID");
    HPDF_Dict_Add(doc_->trailer, "ID", arr);
    unsigned char copy[16];
    for (int i = 0; i < 16; ++i) copy[i] = id[i];
    HPDF_Array_Add(arr, HPDF_Binary_New(doc_->mmgr, copy, 16));
    HPDF_Array_Add(arr, HPDF_Binary_New(doc_->mmgr, copy, 16));
    check("setting the file ID");
}

}  // namespace ks::hpdf
