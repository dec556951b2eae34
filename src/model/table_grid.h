#pragma once
// Where each cell of a table stands on its grid of rows and columns, with
// colspan and rowspan (HTML's rule: a cell takes the next column not held by
// a cell merged down from an earlier row). Shared by the outline loader (which
// checks the grid) and layout (which draws it).
#include <cstddef>
#include <string>
#include <vector>

#include "model/deck.h"

namespace ks {

struct GridCell {
    std::size_t row = 0, index = 0;  // rows[row].cells[index]
    int col = 0;                     // first grid column
    int colspan = 1, rowspan = 1;    // rowspan clipped to the rows given
};

// A grid that does not hold together, at the cell or row that breaks it.
struct GridProblem {
    SourcePosition where;
    std::string message;
    std::string hint;
};

struct TableGrid {
    std::size_t columns = 0;           // grid columns (the widest row)
    std::vector<GridCell> cells;       // row by row, in the order written
    std::vector<GridProblem> problems;  // overlaps, spans off the table, ragged rows
};

// Places every cell of `rows`. A cell whose `column` is set (>= 0) stands
// there; the others take the next free column.
TableGrid table_grid(const std::vector<TableRow>& rows);

// The end of the block of rows starting at `first` that merged cells hold
// together: a rowspan reaching past the rows seen so far extends the block.
// Tables continued onto more slides break only between such blocks.
std::size_t merged_block_end(const std::vector<TableRow>& rows, std::size_t first);

}  // namespace ks
