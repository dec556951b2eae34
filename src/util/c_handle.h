#pragma once
// Owning smart pointers for C library handles: one deleter type per free
// function, zero overhead, no raw owning pointers anywhere else.
#include <memory>

namespace ks {

template <auto FreeFn>
struct FunctionDeleter {
    template <typename T>
    void operator()(T* p) const noexcept {
        if (p) FreeFn(p);
    }
};

template <typename T, auto FreeFn>
using UniqueCPtr = std::unique_ptr<T, FunctionDeleter<FreeFn>>;

}  // namespace ks
