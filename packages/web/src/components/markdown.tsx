import Markdown, { type Components } from 'react-markdown';

/**
 * Course text written in Markdown, shown in the GOV.UK style. react-markdown builds elements, never
 * HTML: raw HTML in the text is dropped and link addresses are limited to safe schemes, so an
 * author's slip cannot run script in a colleague's browser. A page's own heading is its h1, so the
 * text's headings begin at h2 whatever level they were written at.
 */
const COMPONENTS: Components = {
  h1: ({ children }) => <h2 className="govuk-heading-m">{children}</h2>,
  h2: ({ children }) => <h2 className="govuk-heading-m">{children}</h2>,
  h3: ({ children }) => <h3 className="govuk-heading-s">{children}</h3>,
  h4: ({ children }) => <h4 className="govuk-heading-s">{children}</h4>,
  p: ({ children }) => <p className="govuk-body">{children}</p>,
  ul: ({ children }) => <ul className="govuk-list govuk-list--bullet">{children}</ul>,
  ol: ({ children }) => <ol className="govuk-list govuk-list--number">{children}</ol>,
  a: ({ children, href }) => (
    <a className="govuk-link" href={href}>
      {children}
    </a>
  ),
  blockquote: ({ children }) => <div className="govuk-inset-text">{children}</div>,
  hr: () => <hr className="govuk-section-break govuk-section-break--m govuk-section-break--visible" />,
  img: ({ src, alt }) => <img className="app-markdown-image" src={typeof src === 'string' ? src : undefined} alt={alt ?? ''} />,
};

export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="app-markdown">
      <Markdown components={COMPONENTS}>{text}</Markdown>
    </div>
  );
}
