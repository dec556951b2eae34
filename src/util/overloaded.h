#pragma once
// Overloaded{lambdas...}: one std::visit with a lambda per alternative. List
// every alternative by its type (no `auto` catch-all), so that adding a kind
// to a variant fails to compile until each visit handles it.

namespace ks {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace ks
