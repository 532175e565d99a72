/* Cell renderers for dash-ag-grid (served from assets/, no CDN). Other tables may add their own
   renderers to the same namespace. */
var dagcomponentfuncs = (window.dashAgGridComponentFunctions = window.dashAgGridComponentFunctions || {});

/* The verbatim quote with the figure (row field `source_figure`) highlighted by a <mark>; a quote in
   Chinese carries lang="zh-Hans" so screen readers and font fallback read it as Chinese. Built with
   React elements, never HTML strings, so a quote cannot inject markup. */
dagcomponentfuncs.SourceQuote = function (props) {
  var quote = props.value == null ? "" : String(props.value);
  var figure = props.data && props.data.source_figure ? String(props.data.source_figure) : "";
  var attrs = {className: "grid-quote"};
  if (/[\u3400-\u9fff]/.test(quote)) {
    attrs.lang = "zh-Hans";
  }
  var at = figure ? quote.indexOf(figure) : -1;
  if (at < 0) {
    return React.createElement("span", attrs, quote);
  }
  return React.createElement(
    "span", attrs,
    quote.slice(0, at),
    React.createElement("mark", {className: "grid-figure"}, figure),
    quote.slice(at + figure.length)
  );
};
