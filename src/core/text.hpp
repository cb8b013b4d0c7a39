#pragma once
#include <string>
#include <string_view>

namespace hearth {

/// Characters that no stored text field holds (issue 13): they cut spreadsheet cells (NUL),
/// turn a cell into a formula (a leading TAB or CR), forge lines in logs and exports, or reorder
/// what a reader sees (the bidirectional overrides of "Trojan Source"):
/// - C0 controls U+0000–U+001F but TAB, LF and CR where line breaks are allowed;
/// - DEL U+007F and the C1 controls U+0080–U+009F;
/// - the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069;
/// - the line and paragraph separators U+2028 and U+2029 where line breaks are not allowed.
/// `text` is valid UTF-8 (the JSON parser and the import's decoder see to it).
struct TextRule {
  bool line_breaks = false;  ///< TAB, LF and CR (and U+2028/U+2029) allowed: a multi-line field
};

/// True when `text` holds a character the rule refuses.
bool HasControlCharacter(std::string_view text, TextRule rule = {});

/// `text` without the characters the rule refuses: for writing out records stored before the
/// rule (exports), so that a cell is never cut or turned into something else.
std::string WithoutControlCharacters(std::string_view text, TextRule rule = {});

}  // namespace hearth
