#include "render/mustache.h"

#include <algorithm>
#include <cstddef>

#include "base/escape.h"

namespace hyoka::mustache {

// ---- values -------------------------------------------------------------------------------

const Value& Value::resolved() const {
  const Value* v = this;
  while (const auto* borrowed = std::get_if<const Value*>(&v->data_)) v = *borrowed;
  return *v;
}

bool Value::empty() const {
  const auto& v = resolved().data_;
  if (std::holds_alternative<std::monostate>(v)) return true;
  if (const auto* flag = std::get_if<bool>(&v)) return !*flag;
  if (const auto* text = std::get_if<std::string>(&v)) return text->empty();
  if (const auto* view = std::get_if<std::string_view>(&v)) return view->empty();
  if (const auto* list = std::get_if<List>(&v)) return list->empty();
  if (const auto* lazy = std::get_if<std::shared_ptr<const Lazy>>(&v)) return (*lazy)->size == 0;
  return false;
}

const bool* Value::flag() const {
  return std::get_if<bool>(&resolved().data_);
}

std::optional<std::string_view> Value::text() const {
  const auto& v = resolved().data_;
  if (const auto* text = std::get_if<std::string>(&v)) return *text;
  if (const auto* view = std::get_if<std::string_view>(&v)) return *view;
  return std::nullopt;
}

const List* Value::list() const {
  return std::get_if<List>(&resolved().data_);
}

const Value::Lazy* Value::lazy() const {
  const auto* lazy = std::get_if<std::shared_ptr<const Lazy>>(&resolved().data_);
  return lazy ? lazy->get() : nullptr;
}

const Map* Value::map() const {
  return std::get_if<Map>(&resolved().data_);
}

const Value* Value::find(const Key& name) const {
  const auto* m = map();
  if (!m) return nullptr;
  for (const auto& [key, value] : *m) {
    if (key == name) return &value;
  }
  return nullptr;
}

void Value::set(Key name, Value value) {
  if (!std::holds_alternative<Map>(data_)) data_ = Map{};
  auto& m = std::get<Map>(data_);
  for (auto& [key, existing] : m) {
    if (key == name) {
      existing = std::move(value);
      return;
    }
  }
  m.emplace_back(std::move(name), std::move(value));
}

// ---- compiled templates -------------------------------------------------------------------

struct Node {
  enum class Kind { text, variable, raw, section, inverted, partial };
  Kind kind = Kind::text;
  std::string text;            // literal text, or the name as written
  std::vector<Key> path;       // the name split at its dots ("." stays whole)
  std::vector<Node> children;  // of a section
  const Template* partial = nullptr;
  bool dot = false;        // the name is "."
  std::size_t offset = 0;  // of a tag, in its template's text
};

Template::Template() = default;
Template::~Template() = default;
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;

namespace {

// Partials nested deeper than this render as nothing (a theme with a cycle of partials is
// refused by template_check before any page renders; this only keeps a mistake finite).
constexpr int kMaxPartialDepth = 64;

const Value kNothing;

using Stack = std::vector<const Value*>;

// mstch's lookup: "." is the innermost value that is not a map; "a.b.c" finds a through the
// stack and b and c inside it only.
const Value& look_up(const Node& node, const Stack& stack) {
  const auto& path = node.path;
  const Value* found = nullptr;
  const auto& first = path.front();
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const Value& v = (*it)->resolved();
    if (node.dot) {
      if (!v.map()) {
        found = &v;
        break;
      }
    } else if (const auto* hit = v.find(first)) {
      found = hit;
      break;
    }
  }
  for (std::size_t i = 1; found && i < path.size(); ++i) {
    const Value& v = found->resolved();
    found = v.map() ? v.find(path[i]) : (path[i].str() == "." ? &v : nullptr);
  }
  return found ? found->resolved() : kNothing;
}

std::string tag_as_written(const Node& node) {
  switch (node.kind) {
    case Node::Kind::section:
      return "{{#" + node.text + "}}";
    case Node::Kind::inverted:
      return "{{^" + node.text + "}}";
    case Node::Kind::partial:
      return "{{> " + node.text + "}}";
    case Node::Kind::raw:
      return "{{{" + node.text + "}}}";
    default:
      return "{{" + node.text + "}}";
  }
}

// What a render may still use up, and where it stopped once it could not go on.
struct Budget {
  std::size_t max_bytes;
  std::size_t passes_left;
  std::optional<RenderStop> stop;

  bool pass() {
    if (passes_left > 0) {
      --passes_left;
      return true;
    }
    stop = RenderStop{false, {}};
    return false;
  }
  bool fits(const std::string& out) {
    if (out.size() <= max_bytes) return true;
    stop = RenderStop{true, {}};
    return false;
  }
};

// Returns false once the budget is spent; the tags it was inside are then in budget.stop,
// innermost first.
bool render_nodes(const Template& in, const std::vector<Node>& nodes, Stack& stack,
                  std::string& out, int depth, Budget& budget) {
  const auto inside = [&](const Node& node) {
    budget.stop->tags.push_back({&in, node.offset, tag_as_written(node)});
    return false;
  };
  for (const auto& node : nodes) {
    switch (node.kind) {
      case Node::Kind::text:
        out += node.text;
        if (!budget.fits(out)) return false;
        break;
      case Node::Kind::variable:
      case Node::Kind::raw: {
        const Value& v = look_up(node, stack);
        if (const auto text = v.text()) {
          if (node.kind == Node::Kind::variable) {
            append_escaped_markup(out, *text);
          } else {
            out += *text;
          }
        } else if (const auto* flag = v.flag()) {
          out += *flag ? "true" : "false";
        }
        if (!budget.fits(out)) return inside(node);
        break;
      }
      case Node::Kind::section: {
        const Value& v = look_up(node, stack);
        if (v.empty()) break;
        const auto pass = [&](const Value& item) {
          if (!budget.pass()) return false;
          stack.push_back(&item);
          const bool ok = render_nodes(in, node.children, stack, out, depth, budget);
          stack.pop_back();
          return ok;
        };
        if (const auto* list = v.list()) {
          for (const auto& item : *list) {
            if (!pass(item)) return inside(node);
          }
        } else if (const auto* lazy = v.lazy()) {
          for (std::size_t i = 0; i < lazy->size; ++i) {
            if (!pass(lazy->item(i))) return inside(node);
          }
        } else if (!pass(v)) {
          return inside(node);
        }
        break;
      }
      case Node::Kind::inverted:
        if (look_up(node, stack).empty()) {
          if (!budget.pass()) return inside(node);
          stack.push_back(&kNothing);
          const bool ok = render_nodes(in, node.children, stack, out, depth, budget);
          stack.pop_back();
          if (!ok) return inside(node);
        }
        break;
      case Node::Kind::partial:
        if (node.partial && depth < kMaxPartialDepth) {
          if (!budget.pass() ||
              !render_nodes(*node.partial, node.partial->nodes(), stack, out, depth + 1, budget)) {
            return inside(node);
          }
        }
        break;
    }
  }
  return true;
}

// ---- tokens, as mstch cuts them ----

struct Token {
  enum class Kind { text, variable, raw, section, inverted, close, comment, partial };
  Kind kind = Kind::text;
  std::string text;  // text: the text; tags: the name
  bool eol = false;
  bool ws_only = false;
  std::string prefix;      // a standalone partial's indentation
  std::size_t offset = 0;  // of a tag's "{{" in the template's text
};

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

Token text_token(std::string_view text) {
  Token t;
  t.text = std::string(text);
  t.eol = !text.empty() && text.back() == '\n';
  t.ws_only = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
  return t;
}

Token tag_token(std::string_view inner, bool triple) {
  Token t;
  if (triple) {
    t.kind = Token::Kind::raw;
    t.text = trim(inner.substr(1, inner.size() - 2));
    return t;
  }
  const auto first = inner.find_first_not_of(" \t\r\n");
  const char sigil = first == std::string_view::npos ? '\0' : inner[first];
  switch (sigil) {
    case '>':
      t.kind = Token::Kind::partial;
      break;
    case '^':
      t.kind = Token::Kind::inverted;
      break;
    case '/':
      t.kind = Token::Kind::close;
      break;
    case '&':
      t.kind = Token::Kind::raw;
      break;
    case '#':
      t.kind = Token::Kind::section;
      break;
    case '!':
      t.kind = Token::Kind::comment;
      break;
    default:
      t.kind = Token::Kind::variable;
      t.text = trim(inner);
      return t;
  }
  t.text = trim(inner.substr(first + 1));
  return t;
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

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t cur = 0;
  while (cur < text.size()) {
    const auto open = text.find("{{", cur);
    auto close = open == std::string_view::npos ? open : text.find("}}", open + 1);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      add_text(tokens, text.substr(cur));
      break;
    }
    const bool triple = open + 2 < text.size() && text[open + 2] == '{' &&
                        close + 2 < text.size() && text[close + 2] == '}';
    if (triple) ++close;
    add_text(tokens, text.substr(cur, open - cur));
    const auto inner_start = open + 2;
    const auto inner =
        close >= inner_start ? text.substr(inner_start, close - inner_start) : std::string_view();
    tokens.push_back(tag_token(inner, triple && inner.size() >= 2));
    tokens.back().offset = open;
    cur = close + 2;
    if (cur == text.size()) {
      Token end;
      end.eol = true;
      end.ws_only = true;
      tokens.push_back(end);
    }
  }
  return tokens;
}

bool is_tag(const Token& t) {
  return t.kind != Token::Kind::text && t.kind != Token::Kind::variable &&
         t.kind != Token::Kind::raw;
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
    if (is_tag(tokens[i])) {
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
      if (tokens[j].kind == Token::Kind::partial && j != line_begin && tokens[j - 1].ws_only &&
          tokens[j - 1].kind == Token::Kind::text) {
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
Node named(Node::Kind kind, const Token& tag, std::vector<Node> children = {}) {
  Node node{kind, tag.text, split_name(tag.text), std::move(children), nullptr};
  node.dot = tag.text == ".";
  node.offset = tag.offset;
  return node;
}

}  // namespace

// ---- public ----

std::optional<RenderStop> Template::render(const Value& context, std::string& out,
                                           const RenderLimits& limits) const {
  Stack stack = {&context};
  stack.reserve(16);
  Budget budget{out.size() + limits.max_bytes, limits.max_passes, std::nullopt};
  if (render_nodes(*this, nodes_, stack, out, 0, budget)) return std::nullopt;
  std::reverse(budget.stop->tags.begin(), budget.stop->tags.end());
  return budget.stop;
}

std::string Template::render(const Value& context) const {
  std::string out;
  (void)render(context, out);
  return out;
}

TemplateSet::TemplateSet(const std::map<std::string, std::string>& templates,
                         const std::map<std::string, std::string>& partials)
    : partial_texts_(partials) {
  for (const auto& [name, text] : templates) {
    templates_.emplace(name, compile(text, "", 0, name, false));
  }
}

const Template* TemplateSet::find(const std::string& name) const {
  const auto it = templates_.find(name);
  return it == templates_.end() ? nullptr : &it->second;
}

const Template* TemplateSet::partial(const std::string& name) const {
  const auto it = partials_.find({name, ""});
  return it == partials_.end() ? nullptr : it->second.get();
}

const Template* TemplateSet::compile_partial(const std::string& name, const std::string& prefix,
                                             int depth) {
  auto key = std::make_pair(name, prefix);
  if (const auto it = partials_.find(key); it != partials_.end()) return it->second.get();
  const auto text = partial_texts_.find(name);
  // A partial that includes itself, directly or not, includes nothing there: template_check
  // refuses such a theme, and the cycle must not make rendering endless meanwhile.
  if (text == partial_texts_.end() || depth > kMaxPartialDepth || compiling_.count(key)) {
    return nullptr;
  }
  compiling_.insert(key);
  auto compiled = std::make_unique<Template>(compile(text->second, prefix, depth, name, true));
  compiling_.erase(key);
  return partials_.emplace(std::move(key), std::move(compiled)).first->second.get();
}

Template TemplateSet::compile(std::string_view text, const std::string& prefix, int depth,
                              const std::string& name, bool partial) {
  const auto tokens = indent(strip_standalone_lines(tokenize(text)), prefix);
  // mstch's section state machine: a section runs to the close tag of its name at its own depth;
  // an unclosed section renders nothing, a stray close tag nothing.
  const auto build = [&](auto&& self, std::size_t begin, std::size_t end) -> std::vector<Node> {
    std::vector<Node> nodes;
    for (std::size_t i = begin; i < end; ++i) {
      const auto& t = tokens[i];
      switch (t.kind) {
        case Token::Kind::text:
          if (!nodes.empty() && nodes.back().kind == Node::Kind::text) {
            nodes.back().text += t.text;
          } else {
            nodes.push_back({Node::Kind::text, t.text, {}, {}, nullptr});
          }
          break;
        case Token::Kind::variable:
        case Token::Kind::raw:
          nodes.push_back(
              named(t.kind == Token::Kind::variable ? Node::Kind::variable : Node::Kind::raw, t));
          break;
        case Token::Kind::partial:
          nodes.push_back({Node::Kind::partial,
                           t.text,
                           {},
                           {},
                           compile_partial(t.text, t.prefix, depth + 1),
                           false,
                           t.offset});
          break;
        case Token::Kind::section:
        case Token::Kind::inverted: {
          long skipped = 0;
          std::size_t j = i + 1;
          for (; j < end; ++j) {
            const auto& u = tokens[j];
            if (u.kind == Token::Kind::close) {
              if (u.text == t.text && skipped == 0) break;
              --skipped;
            } else if (u.kind == Token::Kind::section || u.kind == Token::Kind::inverted) {
              ++skipped;
            }
          }
          if (j == end) return nodes;  // never closed: the rest renders nothing
          nodes.push_back(
              named(t.kind == Token::Kind::section ? Node::Kind::section : Node::Kind::inverted, t,
                    self(self, i + 1, j)));
          i = j;
          break;
        }
        case Token::Kind::close:
        case Token::Kind::comment:
          break;
      }
    }
    return nodes;
  };
  Template compiled;
  compiled.nodes_ = build(build, 0, tokens.size());
  compiled.name_ = name;
  compiled.partial_ = partial;
  return compiled;
}

}  // namespace hyoka::mustache
