#pragma once
// An owned libharu document plus the error state its C callback records.
// libharu reports errors through a callback; we never throw or longjmp out
// of it: it records the first error in user data and the C++ side checks
// after each call that matters (check() throws std::runtime_error).
#include <hpdf.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "util/c_handle.h"

namespace ks::hpdf {

struct ErrorState {
    HPDF_STATUS code = 0;    // first error since the last reset, 0 = none
    HPDF_STATUS detail = 0;
    unsigned count = 0;
};

class Document {
public:
    Document();  // throws std::runtime_error when libharu cannot start
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    HPDF_Doc get() const { return doc_.get(); }
    // An error reported to the callback, or one libharu only recorded in its
    // own state (some object-API calls set errors without calling the handler).
    bool failed() const { return errors_->code != 0 || HPDF_GetError(doc_.get()) != HPDF_OK; }
    const ErrorState& errors() const { return *errors_; }
    // Throws std::runtime_error("libharu: <what> failed (error 0x1060, detail 0)").
    void check(std::string_view what) const;
    // Forgets a recorded error (after a failure we recover from, such as a
    // font libharu cannot embed) and clears libharu's own error state.
    void reset_error();

    // A PDF text string holding UTF-16BE with BOM (written as <FEFF...>),
    // built through libharu's object API: libharu's own encoders only handle
    // double-byte encodings in strings, not UTF-8.
    HPDF_Binary text_string(std::string_view utf8) const;
    // Sets a document-info key (Title, Author, Subject, Creator, …) to a
    // Unicode text string.
    void set_info_text(const char* key, std::string_view utf8);
    // Sets a document-info date key to a literal PDF date ("D:20250626000000Z").
    void set_info_date(const char* key, const std::string& pdf_date);
    // Writes a trailer /ID [<id> <id>] (16 bytes) so readers that want one
    // get a stable one; libharu writes none unless encrypting or PDF/A.
    void set_file_id(const unsigned char (&id)[16]);

private:
    HPDF_Dict info_dict();
    std::unique_ptr<ErrorState> errors_;
    UniqueCPtr<HPDF_Doc_Rec, HPDF_Free> doc_;
};

}  // namespace ks::hpdf
