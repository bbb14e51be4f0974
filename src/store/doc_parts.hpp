// Private to the document layer (src/store/doc*.cpp): what its parts share. The bounds on hostile
// input, which the fast parser keeps too so that it declines what yaml-cpp's path would refuse; the
// length of a UTF-8 sequence; and yaml-cpp's path without the checks, for parse_document. Not in
// doc.hpp: nothing outside the document layer needs them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "doc.hpp"

namespace cspr::store {

// Hostile input must fail in bounded time and memory: aliases can make a small file a huge tree
// ("billion laughs"), and yaml-cpp spends a few hundred bytes on each value, so the values are
// counted twice: estimated from the text before yaml-cpp reads it (kMaxMarks), then counted with the
// aliases expanded (kMaxNodes). A case file has a few hundred of either. Nesting is measured on the tree itself, not
// estimated from the text: yaml-cpp stops its own recursion at a few hundred levels (YAML::DeepRecursion), and this
// bound, far above any case file (under ten), also stops an alias inside the node it names.
inline constexpr std::size_t kMaxMarks = 100'000;
inline constexpr std::size_t kMaxNodes = 100'000;
inline constexpr int kMaxNesting = 64;
// YAML allows implicit keys of up to 1024 characters; a key cspr writes back may grow fourfold
// (`\xNN` escapes), so a longer one would make a file that no longer reads.
inline constexpr std::size_t kMaxKeyBytes = 200;

// The length of the UTF-8 sequence `lead` starts, from its high bits; 0 for a byte that cannot lead
// one (a continuation byte, or F8 to FF).
inline std::size_t utf8_length(unsigned char lead) {
    return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
}

// yaml-cpp's path, without the hostile-input checks (check_hostile): parse_with_yaml_cpp runs them
// first, parse_document runs them once before either path.
DocNode load_with_yaml_cpp(std::string_view text, const std::string& file);

}  // namespace cspr::store
