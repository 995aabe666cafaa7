#pragma once
/// The attributes of a zoning layer (rules per zone) with their types and domains, and the code
/// lists (data/codelists/*.csv) the zoning class is chosen from.
#include <string>
#include <vector>

#include "dothi/geo/error.hpp"
#include "dothi/geo/feature.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::app {

/// One rule field of a zone: stored name, type, unit and allowed range.
struct ZoningField {
  const char* name;   ///< column name, e.g. "max_height"
  geo::FieldType type;
  const char* label;  ///< English label (the GUI translates it)
  const char* unit;   ///< "m", "%", "" ...
  double min = 0, max = 0;  ///< allowed range of numbers (inclusive)
  bool codeList = false;    ///< the value is a code from the zoning class code list
};

/// zoning_class, max_height, max_floors, max_far, max_coverage, setback_front/side/rear,
/// min_green, notes.
const std::vector<ZoningField>& zoningFields();

/// Adds the zoning fields the layer lacks (existing fields and values are kept).
geo::Result<void> ensureZoningFields(geo::Project& project, const std::string& layer);

struct Code {
  std::string code, group, nameVi, nameEn;
};

/// A code list read from CSV: "# title:", "# source:" comment lines, then code,group,name_vi,name_en.
struct CodeList {
  std::string title, source;
  std::vector<Code> codes;
  [[nodiscard]] const Code* find(const std::string& code) const;
};

geo::Result<CodeList> loadCodeList(const std::string& path);
/// Where DoThi's read-only data lives: $DOTHI_DATA, else the source tree's data/ (development),
/// else <executable>/../share/dothi.
std::string dataDirectory();
/// The Vietnamese land-use code list bundled in data/codelists/vn_land_use.csv.
geo::Result<CodeList> landUseCodes();

/// Checks a value against the field's domain (range, code list); fields that are not zoning
/// fields pass. The message names the field, the value and the allowed range.
geo::Result<void> checkZoningValue(const std::string& field, const geo::Value& value, const CodeList* classes);

}  // namespace dothi::app
