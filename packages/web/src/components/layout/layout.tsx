import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Footer } from './footer';
import { Header } from './header';
import { Navigation } from './navigation';
import { QuickExit } from './quick-exit';

/** The page frame: skip link, header, navigation, quick exit on public pages, footer; the content as wide as the screen where a page needs it. */
export function Layout({ children, isPublic, wide = false }: { children: ReactNode; isPublic: boolean; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        {t('common.skipToContent')}
      </a>
      <Header />
      <Navigation />
      {isPublic && <QuickExit />}
      <div className={wide ? 'govuk-width-container app-width-container--wide' : 'govuk-width-container'}>
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Footer />
    </>
  );
}
