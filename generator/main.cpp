// The command line, and nothing else: flags → options → pipeline, serve, publish or start →
// exit code.
// Exit codes: 0 success, 1 problems in the site's files (or, for publish, with the portal),
// 2 a wrong command line.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "base/masked_output.h"
#include "base/mistyped_argument.h"
#include "base/version.h"
#include "config/site_config.h"
#include "pipeline/build.h"
#include "publish/curl_transport.h"
#include "publish/publish_site.h"
#include "publish/redact.h"
#include "serve/serve.h"
#include "start/new_site.h"
#include "start/theme_copy.h"

// Freeing a large site's pages, one by one, takes longer than the exit that frees them all at
// once; the sanitizers' builds exit the long way, so that leaks are still found.
static int exit_now(int code) {
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__) && !defined(HYOKA_SANITIZED)
  std::cout.flush();
  std::cerr.flush();
  std::_Exit(code);
#endif
  return code;
}

// The commands and long options `app` knows, for "did you mean".
static hyoka::CommandWords command_words(CLI::App& app) {
  hyoka::CommandWords words{app.get_name(), {}, {}};
  for (const auto* option : app.get_options()) {
    for (const auto& name : option->get_lnames()) words.options.push_back("--" + name);
  }
  for (auto* command : app.get_subcommands([](CLI::App*) { return true; })) {
    words.commands.push_back(command_words(*command));
  }
  return words;
}

int main(int argc, char** argv) {
  CLI::App app{"hyoka: builds the website of a plan's evaluation from Markdown and TOML", "hyoka"};
  app.set_version_flag("--version", "hyoka " + std::string(hyoka::version()));
  app.require_subcommand(1);

  hyoka::BuildOptions options;
  std::string base_url, theme;
  const auto valid_base_url = [](const std::string& url) {
    return hyoka::check_base_url(url).value_or("");
  };
  bool quiet = false;
  bool verbose = false;
  const auto add_common = [&](CLI::App* command) {
    command->add_option("-s,--source", options.source_dir, "the site's folder (default: .)");
    command->add_option("--base-url", base_url, "overrides base_url in site.toml")
        ->check(valid_base_url);
    command->add_option("--theme", theme, "overrides theme in site.toml");
    command->add_flag("--strict", options.strict, "treat warnings as errors");
    command->add_flag("-q,--quiet", quiet, "print problems only");
    command->add_flag("-v,--verbose", verbose, "also print how long each stage took");
    command
        ->add_option("-j,--jobs", options.jobs, "threads that render pages (default: one per core)")
        ->check(CLI::Range(1u, 1024u));
  };
  auto* build = app.add_subcommand("build", "build the site into public/");
  add_common(build);
  build->add_option("-d,--destination", options.destination,
                    "the output folder (default: <source>/public)");
  auto* check = app.add_subcommand("check", "check the site without writing anything");
  add_common(check);

  hyoka::PublishOptions publish_options;
  long timeout = 30;
  auto* publish = app.add_subcommand(
      "publish", "create or update the site's datasets on a CKAN portal (token: CKAN_API_TOKEN)");
  publish
      ->add_option("--ckan", publish_options.ckan_url,
                   "the portal's address; its API is at <URL>/api/3/action/")
      ->required();
  publish
      ->add_option("--organization", publish_options.organization,
                   "the portal's organization (name or id) that owns the datasets")
      ->required();
  publish->add_flag("--dry-run", publish_options.dry_run,
                    "write nothing: with a token, read the portal and print the writes; "
                    "without, print every request (token hidden)");
  publish->add_option("-s,--source", options.source_dir, "the site's folder (default: .)");
  publish->add_option("--base-url", base_url, "overrides base_url in site.toml")
      ->check(valid_base_url);
  publish->add_option("--timeout", timeout, "seconds to wait for each answer (default: 30)")
      ->check(CLI::Range(1, 3600));
  hyoka::ServeOptions serve_options;
  auto* serve = app.add_subcommand("serve", "preview the site, rebuilding and reloading on edits");
  serve->add_option("-s,--source", serve_options.source_dir, "the site's folder (default: .)");
  serve->add_option("-p,--port", serve_options.port, "the port; 0 picks a free one (default: 1313)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--bind", serve_options.bind,
                    "the address to listen on (default: 127.0.0.1, this machine only)");
  serve->add_flag("--poll", serve_options.poll,
                  "poll for changes, for file systems that send no change events");
  serve->add_option("--theme", theme, "overrides theme in site.toml");

  hyoka::NewSiteOptions new_options;
  std::string new_dir;
  auto* make_new = app.add_subcommand("new", "start a new site in a new or empty folder");
  make_new->add_option("folder", new_dir, "the new site's folder")->required();
  make_new->add_option("--title", new_options.title, "the site's title")
      ->check(
          [](const std::string& text) { return hyoka::check_new_site_text(text).value_or(""); });
  make_new
      ->add_option("--area-label", new_options.area_label,
                   "what the site calls its areas (default: 施策)")
      ->check(
          [](const std::string& text) { return hyoka::check_new_site_text(text).value_or(""); });

  auto* theme_command = app.add_subcommand("theme", "the themes built into hyoka");
  theme_command->require_subcommand(1);
  std::string theme_name, theme_dir;
  auto* theme_copy = theme_command->add_subcommand(
      "copy", "write a built-in theme out for editing (default: into themes/NAME)");
  theme_copy->add_option("name", theme_name, "the built-in theme: default or portal")->required();
  theme_copy->add_option("folder", theme_dir, "where to write it (default: themes/NAME)");
  auto* theme_list = theme_command->add_subcommand("list", "list the built-in themes");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (const auto typo = hyoka::mistyped_argument(command_words(app), {argv + 1, argv + argc})) {
      std::cerr << *typo << "\nRun with --help for more information.\n";
    } else {
      app.exit(e);
    }
    return 2;
  }
  // The token README tells users to export must not reach the terminal, whatever a file holds.
  const char* token = std::getenv("CKAN_API_TOKEN");
  const hyoka::MaskedOutput masked(token ? token : "");
  if (!base_url.empty()) options.base_url = base_url;
  if (!theme.empty()) options.theme = theme;
  options.write = check->parsed() ? false : true;
  if (!theme.empty()) serve_options.theme = theme;
  serve_options.secret = token ? token : "";

  if (make_new->parsed()) return hyoka::make_new_site(new_dir, new_options, std::cout, std::cerr);
  if (theme_copy->parsed()) return hyoka::copy_theme(theme_name, theme_dir, std::cout, std::cerr);
  if (theme_list->parsed()) {
    hyoka::list_themes(std::cout);
    return 0;
  }

  if (publish->parsed()) {
    publish_options.token = token ? token : "";
    publish_options.build = options;
    const hyoka::Redactor redact(publish_options.token);
    try {
      const hyoka::RealFileSystem fs;
      hyoka::CurlTransport transport(timeout);
      return hyoka::publish_site(publish_options, fs, transport, std::cout, std::cerr);
    } catch (const std::exception& e) {
      std::cerr << redact(std::string("hyoka publish: internal error: ") + e.what()) << '\n';
      return 1;
    }
  }

  try {
    if (serve->parsed()) return hyoka::serve(serve_options, std::cout, std::cerr);
    const hyoka::RealFileSystem fs;
    // What the build was made of stays in `result` and goes with the process.
    options.keep_state = true;
    const auto result = hyoka::build_site(options, fs);
    hyoka::print_diagnostics(result.diagnostics, std::cerr);
    if (!quiet && result.ok) std::cerr << "hyoka: " << hyoka::summary(options, result) << '\n';
    if (verbose && result.ok) {
      std::cerr << hyoka::rows_files_report(*result.site) << "hyoka: time by stage\n"
                << hyoka::stage_report(result.stages);
    }
    return exit_now(result.ok ? 0 : 1);
  } catch (const std::exception& e) {
    // A bug in hyoka or a library: say so plainly; public/ was not touched.
    std::cerr << "hyoka: internal error: " << e.what()
              << "\nThe output folder was left as it was. Please report this with the input that "
                 "caused it.\n";
    return 1;
  }
}
