// The compiler: text → tokens, cut as mstch cuts them → problems, or a tree of nodes with
// mstch's rules for standalone lines and indented partials. It is the only code in hyoka that
// reads {{ … }}; the theme's checks (template_check.cpp) read what it found.
#include <algorithm>

#include "render/mustache.h"
#include "render/mustache_node.h"

namespace hyoka::mustache {

namespace {

// Deeper nesting than any theme needs.
constexpr std::size_t kMaxSectionDepth = 100;

struct Token {
  enum class Kind { text, tag };
  Kind kind = Kind::text;
  Tag tag;           // of a tag
  std::string text;  // of text
  bool eol = false;
  bool ws_only = false;
  std::string prefix;  // a standalone partial's indentation
};

// mstch trims names of spaces only: "{{ name\t}}" names "name\t" there, and so here.
std::string_view trim_spaces(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

Token text_token(std::string_view text) {
  Token t;
  t.text = std::string(text);
  t.eol = !text.empty() && text.back() == '\n';
  t.ws_only = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
  return t;
}

Tag read_tag(std::string_view inner, bool triple, std::size_t offset) {
  Tag tag;
  tag.offset = offset;
  if (triple) {
    tag.kind = Tag::Kind::raw;
    tag.name = std::string(trim_spaces(inner.substr(1, inner.size() - 2)));
    return tag;
  }
  const auto first = inner.find_first_not_of(' ');
  const char sigil = first == std::string_view::npos ? '\0' : inner[first];
  switch (sigil) {
    case '>':
      tag.kind = Tag::Kind::partial;
      break;
    case '^':
      tag.kind = Tag::Kind::inverted;
      break;
    case '/':
      tag.kind = Tag::Kind::close;
      break;
    case '&':
      tag.kind = Tag::Kind::raw;
      break;
    case '#':
      tag.kind = Tag::Kind::section;
      break;
    case '!':
      tag.kind = Tag::Kind::comment;
      break;
    default:
      tag.name = std::string(trim_spaces(inner));
      return tag;
  }
  tag.name = std::string(trim_spaces(inner.substr(first + 1)));
  return tag;
}

void add_text(std::vector<Token>& tokens, std::string_view text) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || i + 1 == text.size()) {
      tokens.push_back(text_token(text.substr(start, i + 1 - start)));
      start = i + 1;
    }
  }
}

int line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

struct Scan {
  std::vector<Token> tokens;
  Compiled compiled;
};

// Cuts the text into text and tags as mstch does (a tag runs from "{{" to the next "}}", one
// more brace on each side makes it triple) and finds its problems on the way.
Scan scan(std::string_view text) {
  Scan out;
  auto& problems = out.compiled.problems;
  const auto problem = [&](std::size_t offset, std::string message) {
    problems.push_back({offset, std::move(message)});
  };
  std::vector<std::size_t> open_tags;  // sections not yet closed, as indexes into the tags
  std::size_t cur = 0;
  while (cur < text.size()) {
    const auto at = text.find("{{", cur);
    auto close = at == std::string_view::npos ? at : text.find("}}", at + 1);
    if (at == std::string_view::npos) {
      add_text(out.tokens, text.substr(cur));
      break;
    }
    const bool opens_triple = at + 2 < text.size() && text[at + 2] == '{';
    if (close == std::string_view::npos) {
      problem(at, std::string("this tag is never closed with ") + (opens_triple ? "}}}" : "}}"));
      return out;
    }
    const bool triple = opens_triple && close + 2 < text.size() && text[close + 2] == '}';
    if (triple) ++close;
    const auto inner = text.substr(at + 2, close - at - 2);
    // "{{{name}}" is a variable named "{name" to mstch, never what was meant.
    if (opens_triple && !triple) {
      problem(at, "this tag is never closed with }}}");
      return out;
    }
    // One syntax is enough for themes (mstch mis-reads some delimiters, and themes were never
    // written with others).
    if (!inner.empty() && inner.front() == '=') {
      problem(at, "changing the tag delimiters is not supported; write tags as {{name}}");
      return out;
    }
    add_text(out.tokens, text.substr(cur, at - cur));
    Token token;
    token.kind = Token::Kind::tag;
    token.tag = read_tag(inner, triple, at);
    cur = close + 2;
    token.tag.length = cur - at;
    out.compiled.tags.push_back(token.tag);
    const auto& tag = out.compiled.tags.back();
    out.tokens.push_back(std::move(token));
    if (cur == text.size()) {
      Token end;
      end.eol = true;
      end.ws_only = true;
      out.tokens.push_back(end);
    }
    if (tag.kind != Tag::Kind::comment && tag.name.empty()) {
      problem(at, "empty tag");
      continue;
    }
    if (tag.kind == Tag::Kind::section || tag.kind == Tag::Kind::inverted) {
      open_tags.push_back(out.compiled.tags.size() - 1);
      if (open_tags.size() > kMaxSectionDepth) {
        problem(at, "sections are nested more than 100 deep");
        return out;
      }
    } else if (tag.kind == Tag::Kind::close) {
      if (open_tags.empty()) {
        problem(at, "{{/" + tag.name + "}} closes a section that was never opened");
        continue;
      }
      const auto& opened = out.compiled.tags[open_tags.back()];
      if (opened.name != tag.name) {
        problem(at, "{{/" + tag.name + "}} closes {{#" + opened.name + "}}, opened at line " +
                        std::to_string(line_of(text, opened.offset)) +
                        "; close that first with {{/" + opened.name + "}}");
      }
      open_tags.pop_back();
    }
  }
  for (const auto index : open_tags) {
    const auto& section = out.compiled.tags[index];
    problem(section.offset,
            "section {{#" + section.name + "}} is never closed: add {{/" + section.name + "}}");
  }
  return out;
}

bool is_standalone_tag(const Token& t) {
  return t.kind == Token::Kind::tag && t.tag.kind != Tag::Kind::variable &&
         t.tag.kind != Tag::Kind::raw;
}

// mstch's standalone rule: a line holding tags (other than variables) and only white space
// otherwise loses that white space and its line break; a partial on such a line is indented by
// the white space before it.
std::vector<Token> strip_standalone_lines(std::vector<Token> tokens) {
  std::vector<Token> out;
  out.reserve(tokens.size());
  std::size_t line_begin = 0;
  bool has_tag = false, non_space = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (is_standalone_tag(tokens[i])) {
      has_tag = true;
    } else if (!tokens[i].ws_only) {
      non_space = true;
    }
    if (!tokens[i].eol) continue;
    const bool standalone = has_tag && !non_space;
    for (std::size_t j = line_begin; j <= i; ++j) {
      if (!standalone) {
        out.push_back(std::move(tokens[j]));
        continue;
      }
      if (tokens[j].kind == Token::Kind::tag && tokens[j].tag.kind == Tag::Kind::partial &&
          j != line_begin && tokens[j - 1].ws_only && tokens[j - 1].kind == Token::Kind::text) {
        tokens[j].prefix = tokens[j - 1].text;
      }
      if (!(tokens[j].kind == Token::Kind::text && tokens[j].ws_only)) {
        out.push_back(std::move(tokens[j]));
      }
    }
    has_tag = non_space = false;
    line_begin = i + 1;
  }
  for (std::size_t j = line_begin; j < tokens.size(); ++j) out.push_back(std::move(tokens[j]));
  return out;
}

// mstch renders a partial's indentation before every line of the partial's template.
std::vector<Token> indent(std::vector<Token> tokens, const std::string& prefix) {
  if (prefix.empty()) return tokens;
  std::vector<Token> out;
  out.reserve(tokens.size() * 2);
  bool previous_eol = true;
  for (auto& t : tokens) {
    if (previous_eol) out.push_back(text_token(prefix));
    previous_eol = t.eol;
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<Key> split_name(const std::string& name) {
  if (name == "." || name.find('.') == std::string::npos) return {name};
  std::vector<Key> parts;
  std::size_t start = 0;
  for (;;) {
    const auto dot = name.find('.', start);
    parts.push_back(name.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

// A variable or a section: its name as written, split, and whether it is ".".
Node named(Node::Kind kind, const Tag& tag, std::vector<Node> children = {}) {
  Node node{kind, tag.name, split_name(tag.name), std::move(children), nullptr};
  node.dot = tag.name == ".";
  node.offset = tag.offset;
  return node;
}

}  // namespace

Compiled compile(std::string_view text) {
  return scan(text).compiled;
}

TemplateSet::TemplateSet(const std::map<std::string, std::string>& templates,
                         const std::map<std::string, std::string>& partials)
    : partial_texts_(partials) {
  for (const auto& [name, text] : partials) compiled_partials_.emplace(name, compile(text));
  for (const auto& [name, text] : templates) {
    const auto& compiled = compiled_templates_.emplace(name, compile(text)).first->second;
    if (compiled.problems.empty()) templates_.emplace(name, build(text, "", 0, name, false));
  }
  // Every partial at least as it is, for block plugins to render through.
  for (const auto& [name, text] : partials) compile_partial(name, "", 0);
}

const Template* TemplateSet::find(const std::string& name) const {
  const auto it = templates_.find(name);
  return it == templates_.end() ? nullptr : &it->second;
}

const Template* TemplateSet::partial(const std::string& name) const {
  const auto it = partials_.find({name, ""});
  return it == partials_.end() ? nullptr : it->second.get();
}

const Compiled* TemplateSet::compiled_template(const std::string& name) const {
  const auto it = compiled_templates_.find(name);
  return it == compiled_templates_.end() ? nullptr : &it->second;
}

const Compiled* TemplateSet::compiled_partial(const std::string& name) const {
  const auto it = compiled_partials_.find(name);
  return it == compiled_partials_.end() ? nullptr : &it->second;
}

const Template* TemplateSet::compile_partial(const std::string& name, const std::string& prefix,
                                             int depth) {
  auto key = std::make_pair(name, prefix);
  if (const auto it = partials_.find(key); it != partials_.end()) return it->second.get();
  const auto text = partial_texts_.find(name);
  // A partial that includes itself, directly or not, includes nothing there: the theme's
  // checks refuse such a theme, and the cycle must not make rendering endless meanwhile.
  if (text == partial_texts_.end() || !compiled_partials_.at(name).problems.empty() ||
      depth > kMaxPartialDepth || compiling_.count(key)) {
    return nullptr;
  }
  compiling_.insert(key);
  auto built = std::make_unique<Template>(build(text->second, prefix, depth, name, true));
  compiling_.erase(key);
  return partials_.emplace(std::move(key), std::move(built)).first->second.get();
}

// The tree of a text without problems: sections are well nested.
Template TemplateSet::build(std::string_view text, const std::string& prefix, int depth,
                            const std::string& name, bool partial) {
  const auto tokens = indent(strip_standalone_lines(scan(text).tokens), prefix);
  const auto nodes_of = [&](auto&& self, std::size_t& i) -> std::vector<Node> {
    std::vector<Node> nodes;
    for (; i < tokens.size(); ++i) {
      const auto& t = tokens[i];
      if (t.kind == Token::Kind::text) {
        if (!nodes.empty() && nodes.back().kind == Node::Kind::text) {
          nodes.back().text += t.text;
        } else {
          nodes.push_back({Node::Kind::text, t.text, {}, {}, nullptr});
        }
        continue;
      }
      const auto& tag = t.tag;
      switch (tag.kind) {
        case Tag::Kind::variable:
          nodes.push_back(named(Node::Kind::variable, tag));
          break;
        case Tag::Kind::raw:
          nodes.push_back(named(Node::Kind::raw, tag));
          break;
        case Tag::Kind::partial:
          nodes.push_back({Node::Kind::partial,
                           tag.name,
                           {},
                           {},
                           compile_partial(tag.name, t.prefix, depth + 1),
                           false,
                           tag.offset});
          break;
        case Tag::Kind::section:
        case Tag::Kind::inverted: {
          ++i;
          auto children = self(self, i);
          nodes.push_back(
              named(tag.kind == Tag::Kind::section ? Node::Kind::section : Node::Kind::inverted,
                    tag, std::move(children)));
          break;
        }
        case Tag::Kind::close:
          return nodes;
        case Tag::Kind::comment:
          break;
      }
    }
    return nodes;
  };
  Template compiled;
  std::size_t i = 0;
  compiled.nodes_ = nodes_of(nodes_of, i);
  compiled.name_ = name;
  compiled.partial_ = partial;
  return compiled;
}

}  // namespace hyoka::mustache
