// The explorer's reports and `calibrate` print their tables as Markdown: the
// project's one table class (common/text_table.hpp), rendered by str().
#pragma once
#include <string>
#include <vector>

#include "common/text_table.hpp"

namespace mgpt::explorer {

class MarkdownTable : public TextTable {
public:
    using TextTable::TextTable;
    std::string str() const { return markdown(); }
};

}  // namespace mgpt::explorer
