import type { DecisionLetter as Letter } from '~/modules/vouchers/issuing-letter'

/**
 * The decision letter as the client reads it. Every text is already in the client's language (made on the server);
 * `lang` on the letter tells screen readers and the browser's hyphenation so. Printed alone (letter-print.css).
 */
export function DecisionLetter({ letter }: { letter: Letter }) {
  return (
    <article lang={letter.lang} aria-labelledby="letter-title" className="decision-letter max-w-3xl rounded border border-slate-300 bg-white p-8 leading-relaxed">
      <div className="flex flex-wrap justify-between gap-4">
        <p className="text-lg font-bold">{letter.organiser}</p>
        <p>{letter.reference}</p>
      </div>
      <address className="mt-8 not-italic">
        {letter.recipient.map((line) => (
          <span key={line} className="block">
            {line}
          </span>
        ))}
      </address>
      <h1 id="letter-title" className="mt-10">
        {letter.title}
      </h1>
      <p className="mt-4">{letter.intro}</p>
      <dl className="mt-6 grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
        {letter.facts.map((fact) => (
          <div key={fact.term} className="contents">
            <dt className="font-semibold">{fact.term}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
        <dt className="font-semibold">{letter.code.term}</dt>
        <dd className="font-mono text-2xl font-bold tracking-widest">{letter.code.value}</dd>
      </dl>
      {letter.sections.map((section) => (
        <section key={section.id} aria-labelledby={`letter-${section.id}`} className="mt-8 break-inside-avoid">
          <h2 id={`letter-${section.id}`} className="text-xl">
            {section.heading}
          </h2>
          {section.blocks.map((block, index) =>
            block.kind === 'paragraph' ? (
              <p key={index} className="mt-2 whitespace-pre-line">
                {block.text}
              </p>
            ) : (
              <ol key={index} className="mt-2 list-decimal space-y-1 pl-6">
                {block.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ol>
            ),
          )}
        </section>
      ))}
      <p className="mt-10">{letter.signature}</p>
    </article>
  )
}
