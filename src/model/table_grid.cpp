#include "model/table_grid.h"

#include <algorithm>

namespace ks {

TableGrid table_grid(const std::vector<TableRow>& rows) {
    TableGrid grid;
    // held[r][c]: a cell already stands on row r, column c.
    std::vector<std::vector<bool>> held(rows.size());
    auto hold = [&](std::size_t r, std::size_t c) {
        if (held[r].size() <= c) held[r].resize(c + 1, false);
        bool was = held[r][c];
        held[r][c] = true;
        return was;
    };
    auto is_held = [&](std::size_t r, std::size_t c) { return c < held[r].size() && held[r][c]; };
    std::size_t first_width = 0;
    bool spans = false;
    for (const auto& row : rows)
        for (const auto& cell : row.cells) spans = spans || cell.colspan > 1 || cell.rowspan > 1;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::size_t cursor = 0;
        for (std::size_t i = 0; i < rows[r].cells.size(); ++i) {
            const TableCell& cell = rows[r].cells[i];
            GridCell g;
            g.row = r, g.index = i;
            g.colspan = std::max(1, cell.colspan);
            g.rowspan = std::max(1, cell.rowspan);
            std::size_t col = cell.column >= 0 ? static_cast<std::size_t>(cell.column) : cursor;
            if (cell.column < 0)
                while (is_held(r, col)) ++col;
            g.col = static_cast<int>(col);
            if (r + static_cast<std::size_t>(g.rowspan) > rows.size()) {
                std::size_t left = rows.size() - r;
                grid.problems.push_back({cell.where,
                                         "rowspan=\"" + std::to_string(g.rowspan) + "\" runs past the last row of the table (" +
                                             std::to_string(left) + (left == 1 ? " row" : " rows") + " from here)",
                                         "make rowspan at most " + std::to_string(left) + ", or add the rows it spans"});
                g.rowspan = static_cast<int>(left);
            }
            bool overlap = false;
            for (std::size_t rr = r; rr < r + static_cast<std::size_t>(g.rowspan); ++rr)
                for (std::size_t c = col; c < col + static_cast<std::size_t>(g.colspan); ++c) overlap = hold(rr, c) || overlap;
            if (overlap)
                grid.problems.push_back({cell.where, "this cell overlaps a cell merged into its row from above",
                                         "a cell under a rowspan is left out of its row: remove one <cell> there, "
                                         "or shorten the colspan or rowspan"});
            grid.cells.push_back(g);
            cursor = col + static_cast<std::size_t>(g.colspan);
        }
        std::size_t width = held[r].size();
        if (r == 0) first_width = width;
        else if (width != first_width && !spans)
            grid.problems.push_back({rows[r].where,
                                     "row has " + std::to_string(width) + " cells, the first row has " +
                                         std::to_string(first_width),
                                     "every row of a table needs the same number of <cell>s"});
        else if (width != first_width)
            grid.problems.push_back({rows[r].where,
                                     "row covers " + std::to_string(width) + " columns, the first row covers " +
                                         std::to_string(first_width),
                                     "every row of a table needs the same number of columns: count each <cell> "
                                     "as its colspan, and the cells merged into the row from above"});
        grid.columns = std::max(grid.columns, width);
    }
    return grid;
}

std::size_t merged_block_end(const std::vector<TableRow>& rows, std::size_t first) {
    std::size_t end = std::min(first + 1, rows.size());
    for (std::size_t r = first; r < end; ++r)
        for (const auto& cell : rows[r].cells)
            end = std::min(rows.size(), std::max(end, r + static_cast<std::size_t>(std::max(1, cell.rowspan))));
    return end;
}

}  // namespace ks
