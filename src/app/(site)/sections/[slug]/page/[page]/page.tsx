import { SectionList, sectionMetadata, type ListParams } from '../../../../../../site/listPages'

/** Page n of the list (`?page=n`, rewritten here by next.config.mjs). Rendered on demand, then cached until revalidated. */
export const generateStaticParams = () => []

export const generateMetadata = (props: ListParams) => sectionMetadata(props)

export default SectionList
