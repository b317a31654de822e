// Its own module (not in wordmark.tsx) and without `cn`: the global error page draws the mark
// without pulling next/link or the class merger into its eagerly loaded chunk.
/** The mark: a shield cut by a key bit. Drawn inline so it inherits colour and needs no request. `className` replaces the default size. */
export function LogoMark({ className = "size-6" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={className}>
      <rect width="24" height="24" rx="6" className="fill-primary" />
      <path
        d="M12 4.75 6.5 6.9v4.35c0 3.55 2.3 6.6 5.5 7.75 3.2-1.15 5.5-4.2 5.5-7.75V6.9L12 4.75Z"
        className="fill-none stroke-primary-foreground"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
      <path d="M12 9v6m0-3h2.2m-2.2 2h1.6" className="fill-none stroke-primary-foreground" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
