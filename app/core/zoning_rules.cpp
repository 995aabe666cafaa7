#include "zoning_rules.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace dothi::app {

using geo::ErrorCode;
using geo::fail;
using geo::FieldType;

const std::vector<ZoningField>& zoningFields() {
  static const std::vector<ZoningField> fields = {
      {"zoning_class", FieldType::Text, "Zoning class", "", 0, 0, true},
      {"max_height", FieldType::Real, "Max height", "m", 0, 1000},
      {"max_floors", FieldType::Integer, "Max floors", "", 0, 300},
      {"max_far", FieldType::Real, "Max FAR", "", 0, 50},
      {"max_coverage", FieldType::Real, "Max site coverage", "%", 0, 100},
      {"setback_front", FieldType::Real, "Front setback", "m", 0, 200},
      {"setback_side", FieldType::Real, "Side setback", "m", 0, 200},
      {"setback_rear", FieldType::Real, "Rear setback", "m", 0, 200},
      {"min_green", FieldType::Real, "Min green ratio", "%", 0, 100},
      {"notes", FieldType::Text, "Notes", ""},
  };
  return fields;
}

geo::Result<void> ensureZoningFields(geo::Project& project, const std::string& layer) {
  geo::Schema schema;
  for (const auto& f : zoningFields()) schema.push_back({f.name, f.type});
  return project.addFields(layer, schema);
}

const Code* CodeList::find(const std::string& code) const {
  auto it = std::find_if(codes.begin(), codes.end(), [&](const Code& c) { return c.code == code; });
  return it == codes.end() ? nullptr : &*it;
}

namespace {
std::vector<std::string> csvRow(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += line[++i];
      else if (c == '"') quoted = false;
      else out.back() += c;
    } else if (c == '"') quoted = true;
    else if (c == ',') out.emplace_back();
    else if (c != '\r') out.back() += c;
  }
  return out;
}
}  // namespace

geo::Result<CodeList> loadCodeList(const std::string& path) {
  std::ifstream in(path);
  if (!in) return fail(ErrorCode::NotFound, "cannot read the code list", path);
  CodeList list;
  std::string line;
  bool header = false;
  int lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (line.rfind("# title:", 0) == 0) list.title = line.substr(9);
      if (line.rfind("# source:", 0) == 0) list.source = line.substr(10);
      continue;
    }
    auto row = csvRow(line);
    if (!header) {
      if (row.size() < 4 || row[0] != "code")
        return fail(ErrorCode::Format, "line " + std::to_string(lineNo) + ": expected the header code,group,name_vi,name_en", path);
      header = true;
      continue;
    }
    if (row.size() < 4 || row[0].empty())
      return fail(ErrorCode::Format, "line " + std::to_string(lineNo) + ": expected 4 columns", path);
    list.codes.push_back({row[0], row[1], row[2], row[3]});
  }
  if (list.codes.empty()) return fail(ErrorCode::Format, "the code list has no codes", path);
  return list;
}

std::string dataDirectory() {
  if (const char* env = std::getenv("DOTHI_DATA"); env && *env) return env;
#ifdef DOTHI_SOURCE_DATA_DIR
  if (std::filesystem::exists(DOTHI_SOURCE_DATA_DIR "/codelists")) return DOTHI_SOURCE_DATA_DIR;
#endif
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("data") : (exe.parent_path().parent_path() / "share" / "dothi").string();
}

geo::Result<CodeList> landUseCodes() { return loadCodeList(dataDirectory() + "/codelists/vn_land_use.csv"); }

geo::Result<void> checkZoningValue(const std::string& field, const geo::Value& value, const CodeList* classes) {
  auto it = std::find_if(zoningFields().begin(), zoningFields().end(), [&](const ZoningField& f) { return field == f.name; });
  if (it == zoningFields().end() || std::holds_alternative<std::monostate>(value)) return {};
  if (it->codeList) {
    const std::string code = geo::valueToString(value);
    if (classes && !classes->find(code))
      return fail(ErrorCode::InvalidArgument, "'" + code + "' is not a code of " + (classes->title.empty() ? "the code list" : classes->title));
    return {};
  }
  if (it->type == FieldType::Text) return {};
  const auto n = geo::valueToNumber(value);
  char range[96];
  std::snprintf(range, sizeof range, "%g to %g%s%s", it->min, it->max, *it->unit ? " " : "", it->unit);
  if (!n || *n < it->min || *n > it->max)
    return fail(ErrorCode::InvalidArgument, std::string(it->name) + " = '" + geo::valueToString(value) + "' is outside " + range);
  if (it->type == FieldType::Integer && *n != static_cast<double>(static_cast<std::int64_t>(*n)))
    return fail(ErrorCode::InvalidArgument, std::string(it->name) + " must be a whole number");
  return {};
}

}  // namespace dothi::app
