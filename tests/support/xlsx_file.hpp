#pragma once
#include <functional>
#include <string>

#include <xlsxwriter.h>

namespace hearth::test {

/// The bytes of a workbook written by libxlsxwriter (as Excel writes one): `fill` writes its
/// first sheet; a second sheet follows, which readers must ignore. `constant_memory` writes
/// strings inline instead of into the shared string table.
std::string XlsxFile(const std::function<void(lxw_workbook*, lxw_worksheet*)>& fill, bool constant_memory = false);

}  // namespace hearth::test
