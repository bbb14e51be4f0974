// How each enumeration of the model is spelt in files and options (model::Spelling), and the
// helpers that read, list and suggest those spellings. Split from model.hpp, which declares each
// enumeration with its spelling beside it.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cspr/calendar.hpp"

namespace cspr::model {

// ---- spellings -----------------------------------------------------------------------------------

// How each enumeration is spelt in files and options, in the enumeration's order: declared once here,
// and used by the reader, the writer, the schemas, the docs, the options and their messages.
template <class E>
struct Spelling;
template <class E>
concept Spelled = requires {
    Spelling<E>::names();
};

template <Spelled E>
std::string_view name_of(E e) {
    return Spelling<E>::names()[static_cast<std::size_t>(e)];
}
template <Spelled E>
std::optional<E> from_name(std::string_view name) {
    const auto names = Spelling<E>::names();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<E>(i);
    return std::nullopt;
}
// "a, b, c": the spellings for a message such as "is not one of a, b, c".
template <Spelled E>
std::string one_of() {
    std::string out;
    for (std::string_view n : Spelling<E>::names()) out.append(out.empty() ? "" : ", ").append(n);
    return out;
}

// "a, b, c or d": the spellings as a sentence, for help text.
template <Spelled E>
std::string either() {
    const auto names = Spelling<E>::names();
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out.append(i == 0 ? "" : i + 1 == names.size() ? " or " : ", ").append(names[i]);
    return out;
}

#define CSPR_SPELLING(Enum, ...)                                        \
    template <>                                                         \
    struct Spelling<Enum> {                                             \
        static std::span<const std::string_view> names() {              \
            static constexpr std::string_view kNames[] = {__VA_ARGS__}; \
            return kNames;                                              \
        }                                                               \
    }

template <>
struct Spelling<calendar::Region> {
    static std::span<const std::string_view> names();  // calendar::region_name of each region
};

}  // namespace cspr::model
