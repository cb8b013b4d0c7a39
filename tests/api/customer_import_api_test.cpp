// Import and export of customers over HTTP, on SQLite and PostgreSQL.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <iconv.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "support/api_fixture.hpp"
#include "support/xlsx_file.hpp"

namespace hearth::test {
namespace {

std::string ToGb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size(), out_left = out.size();
  char* dst = out.data();
  iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

class CustomerImportApi : public ApiTest {
 protected:
  Reply Import(const std::string& csv, const std::string& query = "", Api* api = nullptr) {
    Api& a = api ? *api : *admin_;
    return ToReply(a.raw().Post("/api/v1/imports/customers" + query, {{"Authorization", "Bearer " + a.token()}}, csv, "text/csv"));
  }
  Reply ImportXlsx(const std::string& bytes, const std::string& query = "") {
    return ToReply(admin_->raw().Post("/api/v1/imports/customers" + query, {{"Authorization", "Bearer " + admin_->token()}},
                                      bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  }
  Reply ImportAsync(const std::string& csv, const std::string& query = "", Api* api = nullptr) {
    Api& a = api ? *api : *admin_;
    return ToReply(a.raw().Post("/api/v1/imports/customers" + query,
                                {{"Authorization", "Bearer " + a.token()}, {"Prefer", "respond-async"}}, csv, "text/csv"));
  }
  /// GETs the job until it is no longer running (at most 20 s).
  Reply AwaitJob(std::int64_t id) {
    Reply job;
    for (int i = 0; i < 400; ++i) {
      job = admin_->Get(fmt::format("/api/v1/imports/{}", id));
      if (job.status != 200 || job.Str("status") != "running") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return job;
  }
};

TEST_P(CustomerImportApi, GoodRowsImportBadRowsAreReportedDuplicatesSkipped) {
  admin_->Post("/api/v1/customers", R"({"name":"老客户","phone":"13700000000"})");
  const std::string csv =
      "姓名,手机,证件号码,性别,标签,子女出生年份\n"
      "王小文,13800001111,,男,VIP;老业主,2018;2020\n"
      "\"李, 娜\",+86 139 0000 2222,11010519491231002X,,,\n"
      "坏号码,12345,,,,\n"
      "坏身份证,13800003333,110105194912310021,,,\n"
      "同文件重复,13800001111,,,,\n"
      "库中重复,13700000000,,,,\n"
      ",13800004444,,,,\n";
  auto r = Import(csv);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Int("rows"), 7);
  EXPECT_EQ(r.Int("imported"), 2);
  EXPECT_EQ(r.Int("duplicates"), 2);
  EXPECT_EQ(r.Int("rejected"), 3);
  const auto& errors = r.json.at("errors").as_array();
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].at("line").as_int64(), 4);
  EXPECT_EQ(errors[0].at("field").as_string(), "phone");
  EXPECT_EQ(errors[0].at("message").as_string(), "invalid_format");
  EXPECT_EQ(errors[1].at("line").as_int64(), 5);
  EXPECT_EQ(errors[1].at("message").as_string(), "invalid_checksum");
  EXPECT_EQ(errors[2].at("field").as_string(), "name");
  auto found = admin_->Get("/api/v1/customers?q=小文");
  ASSERT_EQ(found.json.at("items").as_array().size(), 1u);
  const auto& c = found.json.at("items").as_array()[0];
  EXPECT_EQ(c.at("gender").as_string(), "male");
  EXPECT_EQ(c.at("tags").as_array().size(), 2u);
  EXPECT_EQ(c.at("children_birth_years").as_array().size(), 2u);
  auto lina = admin_->Get("/api/v1/customers?q=2222");
  EXPECT_EQ(lina.json.at("items").as_array()[0].at("name").as_string(), "李, 娜");
  EXPECT_EQ(lina.json.at("items").as_array()[0].at("gender").as_string(), "female") << "derived from the ID";
}

TEST_P(CustomerImportApi, DryRunWritesNothingAndGb18030IsRead) {
  const std::string csv = ToGb18030("姓名,手机\n张伟,13800005555\n陈静,13800006666\n");
  auto dry = Import(csv, "?dry_run=true");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.Int("imported"), 2);
  EXPECT_TRUE(admin_->Get("/api/v1/customers").json.at("items").as_array().empty());
  auto real = Import(csv);
  EXPECT_EQ(real.Int("imported"), 2);
  EXPECT_EQ(admin_->Get("/api/v1/customers?q=张伟").json.at("items").as_array().size(), 1u);
}

TEST_P(CustomerImportApi, ChineseWordsForChoicesAreUnderstood) {
  auto r = Import("姓名,手机,证件类型,证件号码,婚姻状况,收入水平,营销同意\n"
                  "陈美玲,13800012121,护照,E12345678,已婚,中等收入,是\n"
                  "何家豪,13800012122,港澳通行证,H1234567801,离异,高,否\n"
                  "无效选项,13800012123,,,半婚,,\n");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Int("imported"), 2);
  ASSERT_EQ(r.json.at("errors").as_array().size(), 1u);
  EXPECT_EQ(r.json.at("errors").as_array()[0].at("field").as_string(), "marital_status");
  auto c = admin_->Get("/api/v1/customers?q=美玲").json.at("items").as_array().at(0);
  EXPECT_EQ(c.at("id_type").as_string(), "passport");
  EXPECT_EQ(c.at("marital_status").as_string(), "married");
  EXPECT_EQ(c.at("income_level").as_string(), "middle");
  EXPECT_TRUE(c.at("consent_marketing").as_bool());
  auto h = admin_->Get("/api/v1/customers?q=家豪").json.at("items").as_array().at(0);
  EXPECT_EQ(h.at("id_type").as_string(), "hk_macau_permit");
  EXPECT_EQ(h.at("marital_status").as_string(), "divorced");
}

TEST_P(CustomerImportApi, MergeFillsWhatKnownCustomersLack) {
  const auto id = admin_->Post("/api/v1/customers", R"({"name":"周杰","phone":"13800007777"})").Int("id");
  auto r = Import("name,phone,email,city\n周杰,13800007777,zj@example.com,深圳\n", "?on_duplicate=merge");
  EXPECT_EQ(r.Int("duplicates"), 1);
  EXPECT_EQ(r.Int("merged"), 1);
  auto c = admin_->Get(fmt::format("/api/v1/customers/{}", id));
  EXPECT_EQ(c.Str("email"), "zj@example.com");
  EXPECT_EQ(c.Str("city"), "深圳");
}

TEST_P(CustomerImportApi, BadFilesAndRolesAreRefused) {
  EXPECT_EQ(Import("colour,phone\nred,13800008888\n").FieldReason("file"), "unknown_column:colour");
  EXPECT_EQ(Import("phone\n13800008888\n").FieldReason("file"), "no_name_column");
  EXPECT_EQ(Import("name\n\xff\xfe\xfd").FieldReason("file"), "not_utf8_or_gb18030");
  EXPECT_EQ(Import("name,phone\n张三,13800009999\n", "?on_duplicate=replace").status, 400);
  admin_->Post("/api/v1/users", R"({"username":"viewer.i","password":"Passw0rd-x","display_name":"x","roles":["viewer"]})");
  Api viewer(*server_);
  viewer.Login("viewer.i", "Passw0rd-x");
  EXPECT_EQ(Import("name,phone\n张三,13800009999\n", "", &viewer).status, 403);
}

TEST_P(CustomerImportApi, XlsxWorkbooksImportWithDatesAndRowNumbers) {
  const auto bytes = XlsxFile([](lxw_workbook* book, lxw_worksheet* sheet) {
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "yyyy年m月d日");
    const char* header[] = {"姓名", "手机", "出生日期", "标签"};
    for (int c = 0; c < 4; ++c) worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
    worksheet_write_string(sheet, 1, 0, "欧阳欣怡", nullptr);
    worksheet_write_number(sheet, 1, 1, 13800110000, nullptr);  // typed as a number, as Excel users do
    lxw_datetime born{1988, 8, 8, 0, 0, 0};
    worksheet_write_datetime(sheet, 1, 2, &born, date);
    worksheet_write_string(sheet, 1, 3, "VIP;老业主", nullptr);
    worksheet_write_string(sheet, 2, 0, "坏号码", nullptr);
    worksheet_write_string(sheet, 2, 1, "12345", nullptr);
  });
  auto r = ImportXlsx(bytes);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Int("rows"), 2);
  EXPECT_EQ(r.Int("imported"), 1);
  ASSERT_EQ(r.json.at("errors").as_array().size(), 1u);
  EXPECT_EQ(r.json.at("errors").as_array()[0].at("line").as_int64(), 3) << "the row number Excel shows";
  EXPECT_EQ(r.json.at("errors").as_array()[0].at("field").as_string(), "phone");
  auto found = admin_->Get("/api/v1/customers?q=欣怡");
  ASSERT_EQ(found.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(found.json.at("items").as_array()[0].at("birth_date").as_string(), "1988-08-08");
  EXPECT_EQ(found.json.at("items").as_array()[0].at("tags").as_array().size(), 2u);
  // Sent as XLSX but not a workbook; a workbook sent as CSV is still read as one.
  EXPECT_EQ(ImportXlsx("name,phone\n张三,13800009999\n").FieldReason("file"), "not_xlsx");
  EXPECT_EQ(Import(bytes, "?dry_run=true").Int("duplicates"), 1);
  EXPECT_EQ(ImportXlsx(std::string("PK\x03\x04broken", 10)).FieldReason("file"), "not_xlsx");
}

TEST_P(CustomerImportApi, AsyncImportsReportProgressThenTheirResult) {
  std::string csv = "姓名,手机\n";
  for (int i = 0; i < 2500; ++i) csv += fmt::format("客户{},139{:08}\n", i, i);
  csv += "坏号码,12345\n";
  auto started = ImportAsync(csv);
  ASSERT_EQ(started.status, 202) << started.body;
  EXPECT_EQ(started.Str("status"), "running");
  EXPECT_EQ(started.Str("format"), "csv");
  EXPECT_EQ(started.Int("bytes"), static_cast<std::int64_t>(csv.size()));
  const auto id = started.Int("id");
  ASSERT_NE(started.headers.find("Location"), started.headers.end());
  EXPECT_EQ(started.headers.find("Location")->second, fmt::format("/api/v1/imports/{}", id));
  auto job = AwaitJob(id);
  ASSERT_EQ(job.Str("status"), "done") << job.body;
  EXPECT_EQ(job.Int("rows_done"), 2501);
  EXPECT_EQ(job.Int("rows_total"), 2501);
  EXPECT_EQ(job.json.at("result").at("imported").as_int64(), 2500);
  EXPECT_EQ(job.json.at("result").at("errors").as_array()[0].at("line").as_int64(), 2502);
  EXPECT_FALSE(job.json.at("finished_at").is_null());
  EXPECT_EQ(admin_->Get("/api/v1/customers?q=客户2499").json.at("items").as_array().size(), 1u);
  // A dry run in the background writes nothing; a bad file fails with the same error body.
  auto dry = AwaitJob(ImportAsync("name,phone\n试算,13700000001\n", "?dry_run=true").Int("id"));
  EXPECT_EQ(dry.Str("status"), "done");
  EXPECT_TRUE(dry.json.at("dry_run").as_bool());
  EXPECT_TRUE(admin_->Get("/api/v1/customers?q=试算").json.at("items").as_array().empty());
  auto bad = AwaitJob(ImportAsync("phone\n13700000002\n").Int("id"));
  EXPECT_EQ(bad.Str("status"), "failed");
  EXPECT_EQ(bad.json.at("error").at("fields").at("file").as_string(), "no_name_column");
  auto list = admin_->Get("/api/v1/imports?limit=2");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json.at("items").as_array().size(), 2u);
  EXPECT_EQ(list.json.at("items").as_array()[0].at("id").as_int64(), bad.Int("id")) << "newest first";
  EXPECT_FALSE(list.json.at("next_cursor").is_null());
  // Another user sees neither the job nor it in their list; a viewer may not start one.
  admin_->Post("/api/v1/users", R"({"username":"agent.i","password":"Passw0rd-x","display_name":"x","roles":["agent"]})");
  Api agent(*server_);
  agent.Login("agent.i", "Passw0rd-x");
  EXPECT_EQ(agent.Get(fmt::format("/api/v1/imports/{}", id)).status, 404);
  EXPECT_TRUE(agent.Get("/api/v1/imports").json.at("items").as_array().empty());
  admin_->Post("/api/v1/users", R"({"username":"viewer.a","password":"Passw0rd-x","display_name":"x","roles":["viewer"]})");
  Api viewer(*server_);
  viewer.Login("viewer.a", "Passw0rd-x");
  EXPECT_EQ(ImportAsync("name\n张三\n", "", &viewer).status, 403);
  EXPECT_EQ(ImportAsync("name\n张三\n", "?org_unit_id=99999").FieldReason("org_unit_id"), "not_found");
}

TEST_P(CustomerImportApi, ExportIsMaskedAsTheCallerSeesIt) {
  Import("name,phone,id_number\n王芳,13812345678,11010519491231002X\n刘强,13900001234,\n");
  admin_->Post("/api/v1/users", R"({"username":"agent.e","password":"Passw0rd-x","display_name":"x","roles":["agent"]})");
  Api agent(*server_);
  agent.Login("agent.e", "Passw0rd-x");
  auto csv = agent.Get("/api/v1/exports/customers?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF" "客户编号,姓名,手机号,证件类型,证件号码,性别")) << csv.body.substr(0, 200)
      << ": the import template's headers";
  EXPECT_NE(csv.body.find("138****5678"), std::string::npos);
  EXPECT_EQ(csv.body.find("13812345678"), std::string::npos);
  EXPECT_NE(csv.body.find("110105********002X"), std::string::npos);
  auto full = admin_->Get("/api/v1/exports/customers?format=csv&q=王芳");
  EXPECT_NE(full.body.find("13812345678"), std::string::npos);
  EXPECT_NE(full.body.find(",身份证,11010519491231002X,女,1949-12-31,"), std::string::npos) << full.body << ": words, not codes";
  // Export → Excel → import: the file reads back whole (every row known, none refused).
  auto everything = admin_->Get("/api/v1/exports/customers?format=csv");
  auto again = Import(everything.body.substr(3), "?dry_run=true");
  EXPECT_EQ(again.Int("rejected"), 0) << again.body;
  EXPECT_EQ(again.Int("duplicates"), 2) << again.body;
  EXPECT_EQ(full.body.find("刘强"), std::string::npos) << "only what matches q";
  auto xlsx = admin_->Get("/api/v1/exports/customers?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.body.starts_with("PK")) << "a zip container";
  EXPECT_EQ(admin_->Get("/api/v1/exports/customers?format=pdf").FieldReason("format"), "invalid_value");
  auto audit = admin_->Get("/api/v1/audit-log?action=customer.exported");
  EXPECT_EQ(audit.json.at("items").as_array().size(), 4u);
}

// Issue 13, point 2: a file of bad rows answered 250 MB of errors. The answer is bounded (the
// first 1,000 problems, the count of each kind), and every rejected row is in a report to download.
TEST_P(CustomerImportApi, AFileOfBadRowsGetsABoundedAnswerAndTheWholeReportAsAFile) {
  std::string csv = "姓名,手机号,城市\n";
  const int bad = 60000;
  for (int i = 0; i < bad; ++i) {
    csv += i % 2 == 0 ? fmt::format("客户{},1234{},深圳\n", i, i) : fmt::format(",1380000{:04},\"广州,天河\"\n", i % 10000);
  }
  csv += "好客户甲,13900000001,北京\n好客户乙,13900000002,上海\n";
  auto r = Import(csv, "?dry_run=true");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 2000);
  EXPECT_LT(r.body.size(), 200u * 1024) << "bounded, whatever the file";
  EXPECT_EQ(r.Int("rejected"), bad);
  EXPECT_EQ(r.Int("imported"), 2);
  EXPECT_EQ(r.Int("errors_total"), bad);
  const auto& errors = r.json.at("errors").as_array();
  ASSERT_EQ(errors.size(), 1000u);
  EXPECT_EQ(errors[0].at("line").as_int64(), 2);
  EXPECT_EQ(errors[0].at("field").as_string(), "phone");
  EXPECT_EQ(errors[999].at("line").as_int64(), 1001);
  const auto& kinds = r.json.at("error_kinds").as_array();
  ASSERT_EQ(kinds.size(), 2u) << r.json.at("error_kinds");
  for (const auto& k : kinds) EXPECT_EQ(k.at("count").as_int64(), bad / 2) << k;
  // The report: a line per problem (one per row here), in words and as codes, with the row's cells as the file had them.
  const std::string path(r.json.at("error_report").at("csv").as_string());
  auto report = admin_->Get(path);
  ASSERT_EQ(report.status, 200) << report.body.substr(0, 500);
  EXPECT_TRUE(report.body.starts_with("\xEF\xBB\xBF")) << "a BOM for Excel";
  EXPECT_EQ(std::count(report.body.begin(), report.body.end(), '\n'), bad + 1);
  EXPECT_NE(report.body.find("行号,字段,问题,字段代码,原因代码,姓名,手机号,城市\r\n"
                             "2,手机号,格式无效,phone,invalid_format,客户0,12340,深圳\r\n"
                             "3,姓名,必填，不能为空,name,required,,13800000001,\"广州,天河\"\r\n"),
            std::string::npos)
      << report.body.substr(0, 300);
  auto xlsx = admin_->Get(path + "?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.body.starts_with("PK")) << "a workbook";
  EXPECT_EQ(admin_->Get(path + "?format=pdf").FieldReason("format"), "invalid_value");
  // The rows are the importer's: another person of the group gets 404, a viewer 403.
  admin_->Post("/api/v1/users", R"({"username":"i.agent","password":"Passw0rd-x","display_name":"x","roles":["agent"]})");
  admin_->Post("/api/v1/users", R"({"username":"i.viewer","password":"Passw0rd-x","display_name":"x","roles":["viewer"]})");
  Api agent(*server_), viewer(*server_);
  ASSERT_EQ(agent.Login("i.agent", "Passw0rd-x").status, 200);
  ASSERT_EQ(viewer.Login("i.viewer", "Passw0rd-x").status, 200);
  EXPECT_EQ(agent.Get(path).status, 404);
  EXPECT_EQ(viewer.Get(path).status, 403);
  EXPECT_EQ(admin_->Get("/api/v1/imports/customers/error-reports/999999").status, 404);
  // A clean file has no report.
  auto clean = Import("姓名,手机号\n好客户丙,13900000003\n");
  EXPECT_TRUE(clean.json.at("error_report").is_null());
  EXPECT_EQ(clean.Int("errors_total"), 0);
}

// An upload is in a file, not in the request's body string: the Idempotency-Key still covers its
// bytes (a repeat replays, another file with the same key is refused).
TEST_P(CustomerImportApi, AnIdempotencyKeyCoversTheUploadedFile) {
  auto post = [&](const std::string& csv) {
    return ToReply(admin_->raw().Post("/api/v1/imports/customers",
                                      {{"Authorization", "Bearer " + admin_->token()}, {"Idempotency-Key", "import-1"}}, csv,
                                      "text/csv"));
  };
  const std::string first = "姓名,手机号\n幂等甲,13900000101\n";
  ASSERT_EQ(post(first).status, 201);
  auto again = post(first);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.headers.count("Idempotent-Replayed"), 1u);
  EXPECT_EQ(post("姓名,手机号\n幂等乙,13900000102\n").ErrorCode(), "idempotency_key_reused");
}

INSTANTIATE_TEST_SUITE_P(Backends, CustomerImportApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
