import ResizeMirror, {defaultOptions} from './ResizeMirror';



