import { SectionList, sectionMetadata, type ListParams } from '../../../../site/listPages'

/** Page 1; `?page=n` is rewritten to ./page/[page] (next.config.mjs). Rendered on demand, then cached until revalidated. */
export const generateStaticParams = () => []

export const generateMetadata = (props: ListParams) => sectionMetadata(props)

export default SectionList
